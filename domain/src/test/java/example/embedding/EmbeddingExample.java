package example.embedding;

// tag::imports[]
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.delivery.FailureKind;
import dev.accessgate.domain.delivery.RetryOptions;
import dev.accessgate.domain.filter.EventFilter;
import dev.accessgate.domain.filter.FilterDecision;
import dev.accessgate.domain.filter.FilterException;
import dev.accessgate.domain.filter.FilterExpression;
import dev.accessgate.domain.filter.OnError;
import dev.accessgate.domain.policy.AccessPolicyState;
import dev.accessgate.domain.policy.ApplyOutcome;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.ContainerBlocked;
import dev.accessgate.domain.policy.ContainerRef;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
// end::imports[]

/** The program the embedding guide walks through; {@code EmbeddingExampleTest} runs each step. */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /** Runs every step and prints what it found. */
    public static void main(String[] args) {
        AccessPolicyState state = policyState();
        System.out.println("page 123456 blocked: "
                + state.isBlocked(new WorkspaceId("abc123"), ObjectRef.of("confluence", "page", "123456")));
        System.out.println("delivery after two attempts: " + retries().state());
        System.out.println("a Bug passes the filter: " + filter(Map.of("issue", Map.of("type", "Bug"))).deliver());
    }

    /** Steps 1 and 2: events into the state, and the question "is it blocked?". */
    static AccessPolicyState policyState() {
        // tag::apply-events[]
        AccessPolicyState state = new AccessPolicyState();
        WorkspaceId workspace = new WorkspaceId("abc123");

        // Atlassian blocked two pages (one event), then a whole Jira project (another).
        ObjectsBlocked pages = new ObjectsBlocked(workspace,
                new Block(Instant.parse("2023-10-24T08:08:08Z"), new EventId("7a6796c0-746d-4504-92cd-819eca234306")),
                List.of(ObjectRef.of("confluence", "page", "123456"), ObjectRef.of("confluence", "page", "123457")));
        ContainerBlocked project = new ContainerBlocked(workspace,
                new Block(Instant.parse("2023-10-24T09:00:00Z"), new EventId("0b4c1e58-2f1e-4d59-9a66-7f3e3c2f1a10")),
                ContainerRef.of("jira", "10000"));

        ApplyOutcome first = state.apply(pages);     // Applied, newlyBlocked = 2
        state.apply(project);                        // Applied, newlyBlocked = 1
        ApplyOutcome again = state.apply(pages);     // AlreadyApplied: a redelivery changes nothing
        // end::apply-events[]
        if (!(first instanceof ApplyOutcome.Applied) || !(again instanceof ApplyOutcome.AlreadyApplied)) {
            throw new AssertionError("the guide says otherwise: " + first + ", " + again);
        }
        return state;
    }

    /** Step 2 on its own: the answer for an object and for a container. */
    static List<Boolean> answers(AccessPolicyState state) {
        // tag::is-blocked[]
        WorkspaceId workspace = new WorkspaceId("abc123");
        boolean page = state.isBlocked(workspace, ObjectRef.of("confluence", "page", "123456"));   // true
        boolean issue = state.isBlocked(workspace, ObjectRef.of("jira", "issue", "999"));         // false
        boolean project = state.workspace(workspace)
                .flatMap(policy -> policy.containerBlock(ContainerRef.of("jira", "10000")))
                .isPresent();                                                                      // true
        // end::is-blocked[]
        return List.of(page, issue, project);
    }

    /** Step 3: Forge's retry rules decide when the next attempt is due. */
    static Delivery retries() {
        // tag::retries[]
        Instant received = Instant.parse("2024-05-01T12:00:00Z");
        Delivery delivery = Delivery.pending(received);

        // First attempt: the handler timed out. A platform failure waits 1 s, then 10, 100, 900.
        delivery = delivery.start(received);
        delivery = delivery.complete(new AttemptResult.Failed(FailureKind.TIMED_OUT, "no answer in 25 s"),
                received.plusSeconds(25));
        Instant second = delivery.dueAt().orElseThrow();          // received + 26 s

        // Second attempt: the handler asked for a retry in 2 minutes (Forge's InvocationError).
        // RetryOptions.of applies Forge's rules: retryAfter is clamped to 1..900 seconds.
        delivery = delivery.start(second);
        delivery = delivery.complete(new AttemptResult.RetryRequested(RetryOptions.of(120, null, "{\"page\":2}")),
                second.plusSeconds(1));
        Instant third = delivery.dueAt().orElseThrow();           // second + 1 s + 120 s
        // delivery.state() is RETRY_SCHEDULED; after 5 attempts without success it is DEAD.
        // end::retries[]
        if (delivery.state() != DeliveryState.RETRY_SCHEDULED
                || !third.equals(second.plusSeconds(121)) || !second.equals(received.plusSeconds(26))) {
            throw new AssertionError("the guide says otherwise: " + delivery);
        }
        return delivery;
    }

    /** Step 4: a filter expression decides whether an event is delivered. */
    static FilterDecision filter(Map<String, Object> event) {
        // tag::filter[]
        EventFilter onlyBugs;
        try {
            // Compile once, when the configuration is read: a bad expression is refused here.
            onlyBugs = new EventFilter(FilterExpression.compile("event.issue?.type == 'Bug'"), OnError.IGNORE_AND_LOG);
        } catch (FilterException e) {
            throw new IllegalArgumentException("bad filter at line " + e.error().line() + ": " + e.error().message());
        }
        // The event is a tree of Map, List, String, Number, Boolean and null, as a JSON parser gives it.
        FilterDecision decision = onlyBugs.decide(event);
        // decision.deliver(): whether to deliver; decision.log(): whether to log decision.evaluation().error()
        // end::filter[]
        return decision;
    }
}
