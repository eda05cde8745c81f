package dev.accessgate.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.domain.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples of the baseline rules; the properties are in {@link BaselinePropertiesTest}. */
class BaselineTest {

    private static final WorkspaceId WS = new WorkspaceId("abc");
    private static final Instant T = Instant.parse("2024-05-01T00:00:00Z");
    private static final ObjectRef PAGE_1 = ObjectRef.of("confluence", "page", "1");
    private static final ObjectRef PAGE_2 = ObjectRef.of("confluence", "page", "2");
    private static final ObjectRef BLOG_1 = ObjectRef.of("confluence", "blogpost", "1");

    private final WorkspacePolicy policy = new WorkspacePolicy(WS);

    private static ObjectsBlocked event(String id, Instant at, ObjectRef... objects) {
        return new ObjectsBlocked(WS, new Block(at, new EventId(id)), List.of(objects));
    }

    private static BaselineHeader header(String id, Instant at, Optional<Set<String>> types) {
        return new BaselineHeader(WS, new BaselineId(id), at, Product.CONFLUENCE, types, Optional.empty());
    }

    private static Baseline baseline(String id, Instant at, Optional<Set<String>> types, ObjectRef... objects) {
        return new Baseline(header(id, at, types), Set.of(objects));
    }

    private static Block block(String id, Instant at) {
        return new Block(at, new EventId(id));
    }

    @Test
    void a_baseline_replaces_what_earlier_events_said_in_its_scope() {
        policy.apply(event("e1", T.minusSeconds(10), PAGE_1, PAGE_2, BLOG_1));

        BaselineOutcome outcome = policy.apply(baseline("b1", T, Optional.of(Set.of("page")), PAGE_2));

        assertThat(outcome).isEqualTo(new BaselineOutcome.Applied(new BaselineId("b1"),
                new BaselineChange(1, 0, 0, 1), Optional.empty()));
        assertThat(policy.objectBlock(PAGE_1)).isEmpty();
        assertThat(policy.objectBlock(PAGE_2)).contains(block("b1", T));
        assertThat(policy.objectBlock(BLOG_1)).contains(block("e1", T.minusSeconds(10)));
    }

    @Test
    void events_after_the_baseline_still_apply_and_events_at_or_before_it_do_not() {
        policy.apply(baseline("b1", T, Optional.empty()));

        policy.apply(event("at", T, PAGE_1));
        policy.apply(event("before", T.minusSeconds(1), PAGE_1));
        assertThat(policy.objectBlock(PAGE_1)).isEmpty();

        policy.apply(event("after", T.plusSeconds(1), PAGE_1));
        assertThat(policy.objectBlock(PAGE_1)).contains(block("after", T.plusSeconds(1)));
    }

    @Test
    void an_event_later_than_the_baseline_survives_it_whatever_the_order() {
        policy.apply(event("early", T.minusSeconds(5), PAGE_1));
        policy.apply(event("late", T.plusSeconds(5), PAGE_1));
        assertThat(policy.objectBlock(PAGE_1)).contains(block("early", T.minusSeconds(5)));

        BaselineOutcome outcome = policy.apply(baseline("b1", T, Optional.empty()));

        // The earliest fact is gone; the later one is the answer now, and the object stays blocked.
        assertThat(policy.objectBlock(PAGE_1)).contains(block("late", T.plusSeconds(5)));
        assertThat(((BaselineOutcome.Applied) outcome).objects()).isEqualTo(new BaselineChange(0, 0, 0, 0));
    }

    @Test
    void an_older_baseline_arriving_late_is_old_news_where_a_newer_one_covers() {
        policy.apply(baseline("new", T, Optional.of(Set.of("page"))));

        BaselineOutcome outcome = policy.apply(baseline("old", T.minusSeconds(60), Optional.empty(), PAGE_1, BLOG_1));

        assertThat(((BaselineOutcome.Applied) outcome).objects()).isEqualTo(new BaselineChange(2, 1, 1, 0));
        assertThat(policy.objectBlock(PAGE_1)).isEmpty();
        assertThat(policy.objectBlock(BLOG_1)).contains(block("old", T.minusSeconds(60)));
    }

    @Test
    void a_baseline_of_every_type_overrides_an_older_one_of_some_types() {
        policy.apply(baseline("pages", T.minusSeconds(60), Optional.of(Set.of("page")), PAGE_1));

        policy.apply(baseline("all", T, Optional.empty(), BLOG_1));

        assertThat(policy.objectBlock(PAGE_1)).isEmpty();
        assertThat(policy.objectBlock(BLOG_1)).contains(block("all", T));
        assertThat(policy.coveringBaseline(Product.CONFLUENCE, "page")).contains(block("all", T));
    }

    @Test
    void at_the_same_time_the_baseline_with_the_larger_id_is_the_newer() {
        policy.apply(baseline("b2", T, Optional.empty()));
        policy.apply(baseline("b1", T, Optional.empty(), PAGE_1));
        assertThat(policy.objectBlock(PAGE_1)).isEmpty();

        WorkspacePolicy other = new WorkspacePolicy(WS);
        other.apply(baseline("b1", T, Optional.empty(), PAGE_1));
        other.apply(baseline("b2", T, Optional.empty()));
        assertThat(other).isEqualTo(policy);
    }

    @Test
    void the_same_baseline_again_changes_nothing() {
        policy.apply(baseline("b1", T, Optional.empty(), PAGE_1));

        assertThat(policy.apply(baseline("b1", T, Optional.empty(), PAGE_1)))
                .isEqualTo(new BaselineOutcome.AlreadyApplied(new BaselineId("b1")));
    }

    @Test
    void containers_are_replaced_only_when_the_baseline_lists_containers() {
        ContainerRef space = ContainerRef.of("confluence", "S1");
        ContainerRef other = ContainerRef.of("confluence", "S2");
        policy.apply(new ContainerBlocked(WS, block("c1", T.minusSeconds(1)), space));

        policy.apply(baseline("objects-only", T, Optional.empty()));
        assertThat(policy.containerBlock(space)).isPresent();

        BaselineOutcome outcome = policy.apply(new Baseline(new BaselineHeader(WS, new BaselineId("spaces"), T,
                Product.CONFLUENCE, Optional.of(Set.of()), Optional.of(Set.of("S2"))), Set.of()));
        assertThat(((BaselineOutcome.Applied) outcome).containers()).contains(new BaselineChange(1, 0, 1, 1));
        assertThat(policy.containerBlock(space)).isEmpty();
        assertThat(policy.containerBlock(other)).contains(block("spaces", T));
    }

    @Test
    void a_header_is_validated_and_normalised() {
        BaselineHeader header = new BaselineHeader(WS, new BaselineId("b"), T, Product.of("Confluence"),
                Optional.of(Set.of("Page", "page")), Optional.empty());
        assertThat(header.types()).contains(Set.of("page"));
        assertThat(header.covers(ObjectRef.of("CONFLUENCE", "PAGE", "1"))).isTrue();
        assertThat(header.covers(ObjectRef.of("confluence", "blogpost", "1"))).isFalse();
        assertThat(header.covers(ObjectRef.of("jira", "page", "1"))).isFalse();

        assertThatThrownBy(() -> header("b", Instant.parse("2300-01-01T00:00:00Z"), Optional.empty()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> header("b", T, Optional.of(Set.of())))
                .isInstanceOf(DomainException.class).hasMessageContaining("covers nothing");
        assertThatThrownBy(() -> new Baseline(header, Set.of(BLOG_1)))
                .isInstanceOf(DomainException.class).hasMessageContaining("outside the scope");
    }
}
