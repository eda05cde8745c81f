package dev.accessgate.adapters.http.delivery;

import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.port.in.ListDeliveriesUseCase;
import dev.accessgate.application.port.in.ReplayDeliveryUseCase;
import dev.accessgate.domain.delivery.DeliveryState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Set;

/**
 * {@code GET /v1/deliveries?state=&cursor=&limit=} lists deliveries in creation order (the
 * cursor is opaque: pass back {@code nextCursor}); {@code GET /v1/deliveries/{id}} shows one;
 * {@code POST /v1/deliveries/{id}/replay} gives a dead delivery a fresh budget.
 */
@Controller(value = "/v1/deliveries", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
final class DeliveryController {

    static final int DEFAULT_LIMIT = 100;

    private final ListDeliveriesUseCase deliveries;
    private final ReplayDeliveryUseCase replay;

    DeliveryController(ListDeliveriesUseCase deliveries, ReplayDeliveryUseCase replay) {
        this.deliveries = deliveries;
        this.replay = replay;
    }

    @Get
    DeliveryJson.Page list(@Nullable @QueryValue String state, @Nullable @QueryValue String cursor,
                           @Nullable @QueryValue String limit) {
        Set<DeliveryState> states = state == null ? Set.of() : DeliveryState.withExternalName(state);
        ListDeliveriesUseCase.Page page = deliveries.list(
                new ListDeliveriesUseCase.Query(states, cursor(cursor), limit(limit)));
        return new DeliveryJson.Page(page.deliveries().stream().map(DeliveryJson::of).toList(),
                page.nextAfterSeq().isPresent() ? Long.toString(page.nextAfterSeq().getAsLong()) : null);
    }

    @Get("/{id}")
    DeliveryJson.View one(String id) {
        return DeliveryJson.of(deliveries.find(id(id)).orElseThrow(() -> notFound(id)));
    }

    @Post("/{id}/replay")
    DeliveryJson.View replay(String id) {
        ReplayDeliveryUseCase.Result result = replay.replay(id(id));
        if (result instanceof ReplayDeliveryUseCase.Result.Replayed replayed) {
            return DeliveryJson.of(replayed.delivery());
        }
        if (result instanceof ReplayDeliveryUseCase.Result.NotDead notDead) {
            StoredDelivery delivery = notDead.delivery();
            throw new ProblemException(ProblemException.Kind.DELIVERY_NOT_DEAD, "delivery " + id + " is "
                    + delivery.delivery().state().externalName() + "; only a dead delivery can be replayed");
        }
        throw notFound(id);
    }

    private static DeliveryId id(String id) {
        return DeliveryId.parse(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemException.Kind.NOT_FOUND, "no delivery with id '" + id + "'");
    }

    private static long cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        if (cursor.length() > 18 || !cursor.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "cursor",
                    "not a cursor from a previous page");
        }
        return Long.parseLong(cursor);
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int max = ListDeliveriesUseCase.Query.MAX_LIMIT;
        if (limit.length() > 4 || !limit.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > max) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "limit",
                    "limit must be a whole number from 1 to " + max);
        }
        return Integer.parseInt(limit);
    }
}
