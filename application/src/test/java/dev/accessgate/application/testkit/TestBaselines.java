package dev.accessgate.application.testkit;

import dev.accessgate.domain.policy.Baseline;
import dev.accessgate.domain.policy.BaselineHeader;
import dev.accessgate.domain.policy.BaselineId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Builders of baselines for tests. */
public final class TestBaselines {

    private TestBaselines() {
    }

    /** A baseline of every type of the product, containers out of scope. */
    public static Baseline baseline(String id, String cloudId, Instant time, String product,
                                    Collection<ObjectRef> objects) {
        return baseline(id, cloudId, time, product, Optional.empty(), Optional.empty(), objects);
    }

    public static Baseline baseline(String id, String cloudId, Instant time, String product,
                                    Optional<Set<String>> types, Optional<Set<String>> containers,
                                    Collection<ObjectRef> objects) {
        return new Baseline(new BaselineHeader(new WorkspaceId(cloudId), new BaselineId(id), time,
                Product.of(product), types, containers), Set.copyOf(objects));
    }

    /** The same baseline moved to workspace {@code tag + cloudId} with id {@code tag + id}. */
    public static Baseline tagged(String tag, Baseline baseline) {
        BaselineHeader header = baseline.header();
        return new Baseline(new BaselineHeader(new WorkspaceId(tag + header.workspace().cloudId()),
                new BaselineId(tag + header.id().value()), header.time(), header.product(), header.types(),
                header.containers()), baseline.objects());
    }
}
