package dev.accessgate.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.domain.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyValuesTest {

    private static final Block BLOCK = new Block(Instant.parse("2023-10-24T08:08:08Z"), new EventId("e1"));

    @Test
    void products_and_types_are_lower_case_and_ids_are_kept_as_sent() {
        ObjectRef ref = ObjectRef.of("Confluence", "PAGE", "AbC-1");
        assertThat(ref).isEqualTo(ObjectRef.of("confluence", "page", "AbC-1"));
        assertThat(ref.id()).isEqualTo("AbC-1");
        assertThat(ref).isNotEqualTo(ObjectRef.of("confluence", "page", "abc-1"));
        assertThat(ContainerRef.of("JIRA", "PRJ")).isEqualTo(ContainerRef.of("jira", "PRJ"));
    }

    @Test
    void known_products_are_one_instance_each_and_others_equal_by_name() {
        assertThat(Product.of("JIRA")).isSameAs(Product.JIRA).isEqualTo(new Product("jira"));
        assertThat(Product.of("Confluence")).isSameAs(Product.CONFLUENCE);
        // Locale-free lower-casing decides, not equalsIgnoreCase: a dotless i is another product.
        assertThat(Product.of("j\u0131ra")).isNotEqualTo(Product.JIRA);
        assertThat(Product.of("bitbucket")).isEqualTo(new Product("Bitbucket"));
    }

    @Test
    void object_order_is_product_then_type_then_id_by_code_point() {
        List<ObjectRef> sorted = new ArrayList<>(List.of(ObjectRef.of("jira", "issue", "2"),
                ObjectRef.of("confluence", "page", "\uE000"), ObjectRef.of("confluence", "page", "\uD83D\uDE00"),
                ObjectRef.of("confluence", "blogpost", "9"), ObjectRef.of("jira", "issue", "10")));
        Collections.shuffle(sorted);
        Collections.sort(sorted);
        assertThat(sorted).extracting(ObjectRef::toString).containsExactly("confluence/blogpost/9",
                "confluence/page/\uE000", "confluence/page/\uD83D\uDE00", "jira/issue/10", "jira/issue/2");
    }

    @Test
    void blank_or_control_character_identifiers_are_refused_with_the_field_name() {
        assertThatThrownBy(() -> new WorkspaceId(" "))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("cloudId"));
        assertThatThrownBy(() -> ObjectRef.of("jira", "issue", "a\u0000b"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("id"));
        assertThatThrownBy(() -> ObjectRef.of("", "issue", "1"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("product"));
        assertThatThrownBy(() -> new EventId("x".repeat(513))).isInstanceOf(DomainException.class);
    }

    @Test
    void block_times_outside_the_storable_range_are_refused() {
        assertThatThrownBy(() -> new Block(Instant.parse("1969-12-31T23:59:59Z"), new EventId("e")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("time"));
        assertThatThrownBy(() -> new Block(Instant.parse("2200-01-01T00:00:01Z"), new EventId("e")))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void the_earlier_block_wins_and_ties_go_to_the_smaller_event_id() {
        Block early = new Block(Instant.parse("2024-01-01T00:00:00Z"), new EventId("z"));
        Block late = new Block(Instant.parse("2024-01-01T00:00:01Z"), new EventId("a"));
        Block tie = new Block(Instant.parse("2024-01-01T00:00:00Z"), new EventId("y"));
        assertThat(Block.earliest(late, early)).isEqualTo(early);
        assertThat(Block.earliest(early, late)).isEqualTo(early);
        assertThat(Block.earliest(early, tie)).isEqualTo(tie);
    }

    @Test
    void an_event_collapses_repeated_objects_and_refuses_more_than_the_limit() {
        ObjectRef one = ObjectRef.of("jira", "issue", "1");
        ObjectsBlocked event = new ObjectsBlocked(new WorkspaceId("abc"), BLOCK,
                List.of(one, ObjectRef.of("JIRA", "Issue", "1"), ObjectRef.of("jira", "issue", "2")));
        assertThat(event.objects()).containsExactly(one, ObjectRef.of("jira", "issue", "2"));

        List<ObjectRef> tooMany = new ArrayList<>(Collections.nCopies(ObjectsBlocked.MAX_OBJECTS + 1, one));
        assertThatThrownBy(() -> new ObjectsBlocked(new WorkspaceId("abc"), BLOCK, tooMany))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.LIMIT_EXCEEDED));
    }

    @Test
    void an_event_for_another_workspace_is_refused_by_a_workspace_policy() {
        WorkspacePolicy policy = new WorkspacePolicy(new WorkspaceId("abc"));
        ContainerBlocked other = new ContainerBlocked(new WorkspaceId("def"), BLOCK, ContainerRef.of("jira", "P"));
        assertThatThrownBy(() -> policy.apply(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_documented_example_blocks_six_objects_across_two_products() {
        AccessPolicyState state = new AccessPolicyState();
        WorkspaceId abc = new WorkspaceId("abc123");
        List<ObjectRef> objects = new ArrayList<>();
        for (String id : List.of("123456", "234567", "345678")) {
            objects.add(ObjectRef.of("confluence", "page", id));
            objects.add(ObjectRef.of("jira", "issue", id));
        }
        ApplyOutcome outcome = state.apply(new ObjectsBlocked(abc, BLOCK, objects));
        assertThat(outcome).isEqualTo(new ApplyOutcome.Applied(new EventId("e1"), 6));
        assertThat(state.isBlocked(abc, ObjectRef.of("Confluence", "Page", "123456"))).isTrue();
        assertThat(state.isBlocked(abc, ObjectRef.of("jira", "issue", "999"))).isFalse();
        assertThat(state.isBlocked(new WorkspaceId("other"), ObjectRef.of("jira", "issue", "123456"))).isFalse();
    }
}
