package dev.accessgate.app;

import dev.accessgate.adapters.http.handler.HttpDeliveryChannel;
import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.app.ops.DeliveryTelemetry;
import dev.accessgate.app.ops.LogContext;
import dev.accessgate.adapters.persistence.sqlite.SqliteDeliveryStore;
import dev.accessgate.application.model.HandlerSpec;
import dev.accessgate.application.model.Subscription;
import dev.accessgate.application.port.in.ListDeliveriesUseCase;
import dev.accessgate.application.port.in.ReplayDeliveryUseCase;
import dev.accessgate.application.port.out.DeliveryChannel;
import dev.accessgate.application.port.out.DeliveryFilter;
import dev.accessgate.adapters.http.filter.ExpressionFilters;
import dev.accessgate.application.port.out.DeliveryFilterCompiler;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.application.port.out.EventHandler;
import dev.accessgate.application.service.DeliveryAdminService;
import dev.accessgate.application.service.DeliveryWorker;
import dev.accessgate.application.service.InProcessDeliveryChannel;
import dev.accessgate.application.service.SubscriptionRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The delivery runtime's wiring: subscriptions from configuration, their handlers, the worker. */
@Factory
final class DeliveryFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFactory.class);

    /** The configured subscriptions, validated (a bad one stops the start with a clear message). */
    record Subscriptions(List<Subscription> all) {
    }

    @Singleton
    Subscriptions subscriptions(Environment environment) {
        try {
            List<Subscription> all = SubscriptionsConfig.parse(
                    environment.getProperty(SubscriptionsConfig.KEY, Object.class).orElse(null));
            all.forEach(s -> LOG.info("subscription {}: events {} -> {}", s.name(),
                    s.events().stream().map(p -> p.value()).toList(), describe(s.handler())));
            return new Subscriptions(all);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid subscription: " + e.getMessage(), e);
        }
    }

    /** The filter language (SPEC 3.3) behind every subscription's filter. */
    @Singleton
    DeliveryFilterCompiler deliveryFilters() {
        return new ExpressionFilters();
    }

    /** The log, with metrics and the log context of each attempt around it. */
    @Singleton
    DeliveryObserver deliveryObserver(MeterRegistry registry) {
        return new DeliveryTelemetry(registry, new Slf4jDeliveryObserver());
    }

    @Singleton
    @Bean(typed = {DeliveryStore.class, SqliteDeliveryStore.class})
    SqliteDeliveryStore deliveryStore(Database db) {
        return new SqliteDeliveryStore(db);
    }

    /** Built at startup, so a subscription whose filter does not compile stops the start. */
    @Context
    SubscriptionRouter subscriptionRouter(Subscriptions subscriptions, DeliveryObserver observer,
                                          DeliveryFilterCompiler filters) {
        List<SubscriptionRouter.Route> routes = new ArrayList<>();
        for (Subscription subscription : subscriptions.all()) {
            DeliveryFilter filter = DeliveryFilter.DELIVER_ALL;
            if (subscription.filter().isPresent()) {
                try {
                    filter = filters.compile(subscription.name(), subscription.filter().get());
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("invalid subscription: " + SubscriptionsConfig.KEY + " ("
                            + subscription.name() + ").filter: " + e.getMessage(), e);
                }
            }
            routes.add(new SubscriptionRouter.Route(subscription, filter));
        }
        return new SubscriptionRouter(routes, observer);
    }

    /** Threads of in-process handlers (so that a handler can be timed out). */
    @Singleton
    @Named("in-process-handlers")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService inProcessHandlers() {
        AtomicInteger n = new AtomicInteger();
        // A handler logs in the log context (event, delivery) of the attempt that runs it.
        return LogContext.propagating(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "accessgate-handler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /** Only made when a subscription has a URL handler: its TLS set-up costs start-up ~0.3 s. */
    @Singleton
    HttpClient handlerHttpClient() {
        return HttpDeliveryChannel.newClient();
    }

    /** Started with the application; stopped (running attempts given 5 s) when it stops. */
    @Context
    @Bean(preDestroy = "close")
    DeliveryWorker deliveryWorker(Subscriptions subscriptions, DeliveryStore store, Clock clock,
                                  DeliveryObserver observer, DeliverySettings settings, BeanContext beans,
                                  BeanProvider<HttpClient> http, @Named("in-process-handlers") ExecutorService handlerThreads) {
        Map<String, DeliveryWorker.Route> routes = new LinkedHashMap<>();
        for (Subscription subscription : subscriptions.all()) {
            HandlerSpec handler = subscription.handler();
            DeliveryChannel channel;
            if (handler instanceof HandlerSpec.Url url) {
                channel = new HttpDeliveryChannel(http.get(), url.url(), url.timeout());
            } else {
                String name = ((HandlerSpec.Bean) handler).name();
                EventHandler bean = beans.findBean(EventHandler.class, Qualifiers.byName(name)).orElseThrow(() ->
                        new ConfigurationException("invalid subscription: " + SubscriptionsConfig.KEY + " ("
                                + subscription.name() + ").handler.bean: no EventHandler bean named '" + name + "'"));
                channel = new InProcessDeliveryChannel(bean, handler.timeout(), handlerThreads);
            }
            routes.put(subscription.name(), new DeliveryWorker.Route(channel, handler.timeout()));
        }
        DeliveryWorker worker = new DeliveryWorker(store, routes, clock, observer, new DeliveryWorker.Settings(
                settings.getConcurrency(), settings.getLeaseMargin(), settings.getMaxSleep()));
        worker.start();
        LOG.info("delivery worker: {} subscription(s), concurrency {}, lease {}", routes.size(),
                settings.getConcurrency(), worker.lease());
        return worker;
    }

    @Singleton
    @Bean(typed = {ListDeliveriesUseCase.class, ReplayDeliveryUseCase.class})
    DeliveryAdminService deliveryAdmin(DeliveryStore store, Clock clock, DeliveryObserver observer,
                                       DeliveryWorker worker) {
        return new DeliveryAdminService(store, clock, observer, worker::wake);
    }

    private static String describe(HandlerSpec handler) {
        Duration timeout = handler.timeout();
        return handler instanceof HandlerSpec.Url url
                ? "POST " + url.url().getScheme() + "://" + url.url().getAuthority() + url.url().getRawPath()
                + " (timeout " + timeout + ")"
                : "bean " + ((HandlerSpec.Bean) handler).name() + " (timeout " + timeout + ")";
    }
}
