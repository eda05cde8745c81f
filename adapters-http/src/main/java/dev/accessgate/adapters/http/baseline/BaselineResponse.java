package dev.accessgate.adapters.http.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accessgate.application.model.BaselineImportOutcome;
import dev.accessgate.domain.policy.BaselineChange;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;

/**
 * The answer to an import. For {@code "applied"}: {@code objects} distinct objects listed, of
 * which {@code superseded} were ignored (a newer baseline covers their type),
 * {@code newlyBlocked} objects blocked now that were not, {@code removed} objects no longer
 * blocked; the {@code containers*} counts likewise when the baseline lists containers.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record BaselineResponse(String id, String status, Long objects, Long superseded, Long newlyBlocked, Long removed,
                        Long containers, Long containersSuperseded, Long containersNewlyBlocked,
                        Long containersRemoved) {

    static BaselineResponse applied(BaselineImportOutcome.Imported imported) {
        BaselineChange objects = imported.objects();
        Optional<BaselineChange> containers = imported.containers();
        return new BaselineResponse(imported.id().value(), "applied", objects.listed(), objects.superseded(),
                objects.newlyBlocked(), objects.unblocked(),
                containers.map(BaselineChange::listed).orElse(null),
                containers.map(BaselineChange::superseded).orElse(null),
                containers.map(BaselineChange::newlyBlocked).orElse(null),
                containers.map(BaselineChange::unblocked).orElse(null));
    }

    static BaselineResponse duplicate(String id) {
        return new BaselineResponse(id, "duplicate", null, null, null, null, null, null, null, null);
    }
}
