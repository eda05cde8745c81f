package dev.accessgate.application.service;

import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.Subscription;
import dev.accessgate.application.port.out.DeliveryFilter;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, for a received event, which subscriptions get a delivery: one per subscription
 * whose patterns match the event type, PENDING (due at once) or FILTERED when its filter
 * dropped the event. Pure: nothing is stored here.
 */
public final class SubscriptionRouter {

    /** A subscription with its filter. */
    public record Route(Subscription subscription, DeliveryFilter filter) {
        public Route {
            Objects.requireNonNull(subscription, "subscription");
            Objects.requireNonNull(filter, "filter");
        }
    }

    private final List<Route> routes;
    private final DeliveryObserver observer;

    /** Routes to {@code routes}; subscription names must be unique. */
    public SubscriptionRouter(List<Route> routes, DeliveryObserver observer) {
        this.routes = List.copyOf(routes);
        this.observer = Objects.requireNonNull(observer, "observer");
        Set<String> names = new HashSet<>();
        for (Route route : this.routes) {
            if (!names.add(route.subscription().name())) {
                throw new IllegalArgumentException("subscription name '" + route.subscription().name()
                        + "' is used twice");
            }
        }
    }

    /** No subscriptions: events are stored and nothing is delivered. */
    public static SubscriptionRouter none() {
        return new SubscriptionRouter(List.of(), DeliveryObserver.NONE);
    }

    /** The subscriptions, in the order they were configured. */
    public List<Subscription> subscriptions() {
        return routes.stream().map(Route::subscription).toList();
    }

    /**
     * The deliveries an event gets, and which filter drops are to be logged (once the event is
     * known to be new: see {@link #reportFiltered}).
     */
    record Routing(List<NewDelivery> deliveries, List<NewDelivery> toLog) {
        Routing {
            deliveries = List.copyOf(deliveries);
            toLog = List.copyOf(toLog);
        }

        /** True when some delivery waits for a worker (the others were filtered). */
        boolean createsPending() {
            return deliveries.stream().anyMatch(d -> d.delivery().state() == DeliveryState.PENDING);
        }
    }

    /** The deliveries {@code event} gets, due at the time it was received. */
    Routing route(ReceivedEvent event) {
        List<NewDelivery> deliveries = new ArrayList<>();
        List<NewDelivery> toLog = new ArrayList<>();
        for (Route route : routes) {
            Subscription subscription = route.subscription();
            if (!subscription.takes(event.type())) {
                continue;
            }
            Delivery delivery = Delivery.pending(event.receivedAt());
            DeliveryFilter.Verdict verdict = route.filter().decide(event.body());
            if (route.filter() != DeliveryFilter.DELIVER_ALL) {
                observer.filterEvaluated(event, subscription.name(), verdict);
            }
            boolean log = false;
            if (verdict instanceof DeliveryFilter.Verdict.Drop drop) {
                delivery = delivery.filter(drop.reason());
                log = drop.log();
            }
            NewDelivery created = new NewDelivery(DeliveryId.random(), subscription.name(), delivery);
            deliveries.add(created);
            if (log) {
                toLog.add(created);
            }
        }
        return new Routing(deliveries, toLog);
    }

    /** Logs the filter drops of a routing whose event was stored now (not for a redelivery). */
    void reportFiltered(ReceivedEvent event, Routing routing) {
        for (NewDelivery dropped : routing.toLog()) {
            observer.filtered(event, dropped.subscription(), dropped.delivery().filterReason().orElseThrow());
        }
    }
}
