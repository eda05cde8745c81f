package dev.accessgate.application.service;

import dev.accessgate.application.port.out.DeliveryChannel;
import dev.accessgate.application.port.out.EventHandler;
import dev.accessgate.application.testkit.DeliveryChannelContractTest;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;

/** The in-process channel passes the channel contract of the adapter kit. */
class InProcessDeliveryChannelTest extends DeliveryChannelContractTest {

    private final ExecutorService handlerThreads = Executors.newCachedThreadPool();

    @Override
    protected DeliveryChannel channelTo(EventHandler handler, Duration timeout) {
        return new InProcessDeliveryChannel(handler, timeout, handlerThreads);
    }

    @AfterEach
    void stop() {
        handlerThreads.shutdownNow();
    }
}
