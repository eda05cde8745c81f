package dev.accessgate.adapters.http.overview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accessgate.adapters.http.api.Paging;
import dev.accessgate.adapters.http.delivery.DeliveryJson;
import dev.accessgate.adapters.http.ingest.EventJson;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.in.OverviewUseCase;
import dev.accessgate.domain.delivery.DeliveryState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the dashboard shows that the other read APIs do not give: totals, and the newest events
 * and deliveries first. {@code GET /v1/overview}, {@code GET /v1/overview/events?status=&limit=},
 * {@code GET /v1/overview/deliveries?state=&limit=}; docs/api.md.
 */
@Controller(value = "/v1/overview", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
final class OverviewController {

    /** The order a delivery goes through its states, for a stable JSON order. */
    private static final List<String> STATE_ORDER = List.of("pending", "retrying", "succeeded", "dead", "filtered");

    private final OverviewUseCase overview;

    OverviewController(OverviewUseCase overview) {
        this.overview = overview;
    }

    @Get
    Totals totals() {
        OverviewUseCase.Counts counts = overview.counts();
        Map<String, Long> events = new LinkedHashMap<>();
        for (StoredEvent.Status status : StoredEvent.Status.values()) {
            events.put(status.name().toLowerCase(Locale.ROOT), counts.events().getOrDefault(status, 0L));
        }
        // By the delivery API's state names, so pending includes the running ones (also counted apart).
        Map<String, Long> deliveries = new LinkedHashMap<>();
        for (String name : STATE_ORDER) {
            deliveries.put(name, 0L);
        }
        for (DeliveryState state : DeliveryState.values()) {
            deliveries.merge(state.externalName(), counts.deliveries().getOrDefault(state, 0L), Long::sum);
        }
        return new Totals(events, deliveries, counts.deliveries().getOrDefault(DeliveryState.IN_FLIGHT, 0L));
    }

    @Get("/events")
    Events latestEvents(@Nullable @QueryValue String status, @Nullable @QueryValue Integer limit) {
        return new Events(overview.latestEvents(Optional.ofNullable(status).map(EventJson::parseStatus),
                Paging.limit(limit)).stream().map(EventJson::summary).toList());
    }

    @Get("/deliveries")
    Deliveries latestDeliveries(@Nullable @QueryValue String state, @Nullable @QueryValue Integer limit) {
        Set<DeliveryState> states = state == null ? Set.of() : DeliveryState.withExternalName(state);
        return new Deliveries(overview.latestDeliveries(states, Paging.limit(limit)).stream()
                .map(DeliveryJson::of).toList());
    }

    /** @param running deliveries whose attempt is running now (counted in {@code deliveries.pending} too) */
    @Serdeable
    record Totals(Map<String, Long> events, Map<String, Long> deliveries, long running) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Events(List<EventJson.Summary> events) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Deliveries(List<DeliveryJson.View> deliveries) {
    }
}
