package dev.accessgate.app;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT: the first starts an orderly exit (the JVM's shutdown hooks, among them
 * Micronaut's, which drains requests and deliveries within the grace period); a second one
 * while that runs halts at once. The JVM alone ignores a second signal during shutdown, so an
 * operator could not cut a long drain short.
 */
final class ShutdownSignals {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);
    /** Exit status of a shutdown cut short by a second signal. */
    static final int FORCED_EXIT_STATUS = 1;

    private ShutdownSignals() {
    }

    static void install() {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (stopping.compareAndSet(false, true)) {
                        LOG.info("SIG{}: stopping gracefully; send it again to stop at once", signal.getName());
                        // Not on the signal's own thread: exit() waits for the shutdown hooks.
                        Thread exit = new Thread(() -> System.exit(0), "accessgate-shutdown");
                        exit.start();
                    } else {
                        LOG.warn("SIG{} again: stopping at once, without waiting for requests or deliveries",
                                signal.getName());
                        Runtime.getRuntime().halt(FORCED_EXIT_STATUS);
                    }
                });
            } catch (IllegalArgumentException unavailable) {
                // The JVM reserves the signal (-Xrs, or a platform without it): keep its default.
                LOG.debug("cannot handle SIG{}: {}", name, unavailable.getMessage());
            }
        }
    }
}
