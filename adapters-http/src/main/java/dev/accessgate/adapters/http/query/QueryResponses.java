package dev.accessgate.adapters.http.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.WorkspaceSummary;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** JSON shapes of the query API (SPEC 2.2). */
final class QueryResponses {

    private QueryResponses() {
    }

    // Serde leaves out empty collections by default; an empty list is an answer, so keep it.
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Workspaces(List<Workspace> workspaces, long unprocessedEvents) {
    }

    @Serdeable
    record Workspace(String cloudId, long blockedObjects, long blockedContainers) {
        static Workspace of(WorkspaceSummary summary) {
            return new Workspace(summary.workspace().cloudId(), summary.blockedObjects(), summary.blockedContainers());
        }
    }

    /** {@code {"blocked": false}} or {@code {"blocked": true, "blockedAt": ..., "eventId": ...}}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ObjectStatus(boolean blocked, String blockedAt, String eventId) {
        static ObjectStatus of(Block block) {
            return block == null ? new ObjectStatus(false, null, null)
                    : new ObjectStatus(true, block.at().toString(), block.eventId().value());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Containers(String cloudId, List<Container> containers) {
    }

    @Serdeable
    record Container(String product, String id, String blockedAt, String eventId) {
        static Container of(BlockedContainer blocked) {
            return new Container(blocked.container().product().name(), blocked.container().id(),
                    blocked.block().at().toString(), blocked.block().eventId().value());
        }
    }

    /** One blocked object in a listing or a bulk check answer. */
    @Serdeable
    record Blocked(String product, String type, String id, String blockedAt, String eventId) {
        static Blocked of(BlockedObject blocked) {
            return new Blocked(blocked.object().product().name(), blocked.object().type(), blocked.object().id(),
                    blocked.block().at().toString(), blocked.block().eventId().value());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CheckAnswer(List<Blocked> blocked) {
    }

    @Serdeable
    record ObjectPage(@JsonInclude(JsonInclude.Include.ALWAYS) List<Blocked> objects,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
    }
}
