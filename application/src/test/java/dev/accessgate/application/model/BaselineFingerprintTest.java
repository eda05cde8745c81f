package dev.accessgate.application.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.domain.policy.BaselineHeader;
import dev.accessgate.domain.policy.BaselineId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselineFingerprintTest {

    private static final Instant T = Instant.parse("2024-05-01T00:00:00Z");
    private static final ObjectRef A = ObjectRef.of("confluence", "page", "a");
    private static final ObjectRef B = ObjectRef.of("confluence", "page", "b");
    private static final ObjectRef C = ObjectRef.of("confluence", "blogpost", "z");

    private static BaselineHeader header(Optional<Set<String>> types, Optional<Set<String>> containers) {
        return new BaselineHeader(new WorkspaceId("abc"), new BaselineId("b1"), T, Product.CONFLUENCE, types,
                containers);
    }

    private static final BaselineHeader ALL = header(Optional.empty(), Optional.empty());

    @Test
    void order_and_repeats_of_objects_and_sets_do_not_matter() {
        assertThat(BaselineFingerprint.of(ALL, List.of(A, B, C)))
                .isEqualTo(BaselineFingerprint.of(ALL, List.of(C, B, A, B)));
        assertThat(BaselineFingerprint.of(header(Optional.of(Set.of("page", "blogpost")), Optional.of(Set.of("S1", "S2"))), List.of()))
                .isEqualTo(BaselineFingerprint.of(header(Optional.of(Set.of("blogpost", "Page")), Optional.of(Set.of("S2", "S1"))), List.of()));
    }

    @Test
    void any_difference_in_what_the_baseline_says_changes_it() {
        String base = BaselineFingerprint.of(ALL, List.of(A, B));
        assertThat(BaselineFingerprint.of(ALL, List.of(A))).isNotEqualTo(base);
        assertThat(BaselineFingerprint.of(header(Optional.of(Set.of("page")), Optional.empty()), List.of(A, B)))
                .isNotEqualTo(base);
        assertThat(BaselineFingerprint.of(header(Optional.empty(), Optional.of(Set.of())), List.of(A, B)))
                .isNotEqualTo(base);
        assertThat(BaselineFingerprint.of(new BaselineHeader(new WorkspaceId("abc"), new BaselineId("b1"),
                T.plusNanos(1), Product.CONFLUENCE, Optional.empty(), Optional.empty()), List.of(A, B)))
                .isNotEqualTo(base);
    }

    @Test
    void a_store_must_feed_objects_sorted_and_distinct() {
        BaselineFingerprint fingerprint = BaselineFingerprint.start(ALL);
        fingerprint.object("page", "b");
        assertThatThrownBy(() -> fingerprint.object("page", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fingerprint.object("page", "b")).isInstanceOf(IllegalArgumentException.class);
    }
}
