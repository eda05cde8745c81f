package dev.accessgate.application.service;

import static dev.accessgate.application.testkit.TestEvents.objectsBlocked;
import static dev.accessgate.application.testkit.TestEvents.received;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.port.in.IngestPolicyEventCommand;
import dev.accessgate.application.port.in.IngestResult;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyIngestServiceTest {

    private final InMemoryPolicyStore store = new InMemoryPolicyStore();
    private final PolicyIngestService ingest = new PolicyIngestService(store);
    private final AccessQueryService query = new AccessQueryService(store);
    private final Instant t = Instant.parse("2023-10-24T08:08:08Z");

    @Test
    void accepts_then_acknowledges_redeliveries_and_refuses_reused_ids() {
        ObjectsBlocked event = objectsBlocked("e1", "abc", t, List.of(ObjectRef.of("jira", "issue", "1")));
        ObjectsBlocked other = objectsBlocked("e1", "abc", t, List.of(ObjectRef.of("jira", "issue", "2")));

        assertThat(ingest.ingest(new IngestPolicyEventCommand(received(event), new Processing.Applied(event))))
                .isEqualTo(new IngestResult.Accepted(new EventId("e1"), 1));
        assertThat(ingest.ingest(new IngestPolicyEventCommand(received(event), new Processing.Applied(event))))
                .isEqualTo(new IngestResult.AlreadyReceived(new EventId("e1")));
        assertThat(ingest.ingest(new IngestPolicyEventCommand(received(other), new Processing.Applied(other))))
                .isEqualTo(new IngestResult.IdConflict(new EventId("e1")));

        assertThat(query.objectBlock(new WorkspaceId("abc"), ObjectRef.of("jira", "issue", "1"))).isPresent();
        assertThat(query.objectBlock(new WorkspaceId("abc"), ObjectRef.of("jira", "issue", "2"))).isEmpty();
    }
}
