package dev.accessgate.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.HandlerSpec;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.model.Subscription;
import dev.accessgate.application.port.in.ReceiveMigrationEventCommand;
import dev.accessgate.application.port.in.ReceiveMigrationEventUseCase.Result;
import dev.accessgate.application.port.out.DeliveryFilter;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.application.port.out.IngestObserver;
import dev.accessgate.application.port.out.ObservationScope;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.application.testkit.InMemoryMigrationTransferStore;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.application.testkit.InMemoryUnitOfWork;
import dev.accessgate.domain.delivery.EventTypePattern;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationEventType;
import dev.accessgate.domain.migration.MigrationEvents;
import dev.accessgate.domain.policy.EventId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MigrationIngestServiceTest {

    private final InMemoryPolicyStore events = new InMemoryPolicyStore();
    private final InMemoryMigrationTransferStore transfers = new InMemoryMigrationTransferStore();
    private final MigrationIngestService service = new MigrationIngestService(events, transfers, new InMemoryUnitOfWork());

    private Result receive(MigrationEvent event) {
        return service.receive(new ReceiveMigrationEventCommand(event, "{\"eventType\":\"" + event.type() + "\"}"));
    }

    @Test
    void an_event_is_stored_for_subscriptions_and_added_to_its_transfer() {
        MigrationEvent triggered = MigrationEvents.event("listener-triggered", Optional.of("msg-1"), "fp", 1);

        Result result = receive(triggered);

        assertThat(result).isEqualTo(new Result.Stored(new EventId("migration:msg-1")));
        StoredEvent stored = events.find(new EventId("migration:msg-1")).orElseThrow();
        assertThat(stored.event().type()).isEqualTo("migration:listener-triggered");
        assertThat(stored.event().source()).isEqualTo("https://cloud-site-under-migration.atlassian.net");
        assertThat(stored.event().time()).isEqualTo(triggered.receivedAt());
        assertThat(stored.event().fingerprint()).isEqualTo("fp");
        assertThat(stored.status()).isEqualTo(StoredEvent.Status.STORED);
        assertThat(service.transfer(MigrationEvents.TRANSFER).orElseThrow().timeline()).containsExactly(triggered);
    }

    @Test
    void the_observer_sees_each_event_inside_its_scope_with_its_outcome() {
        List<String> seen = new ArrayList<>();
        IngestObserver observer = new IngestObserver() {
            @Override
            public ObservationScope handling(ReceivedEvent event, Processing processing) {
                seen.add("open " + event.id().value());
                return () -> seen.add("close " + event.id().value());
            }

            @Override
            public void handled(ReceivedEvent event, Processing processing, RecordOutcome outcome, Duration took) {
                seen.add(event.type() + " " + outcome.getClass().getSimpleName());
            }
        };
        MigrationIngestService observed = new MigrationIngestService(events, transfers, new InMemoryUnitOfWork(),
                SubscriptionRouter.none(), () -> { }, observer);
        MigrationEvent triggered = MigrationEvents.event("listener-triggered", Optional.of("msg-1"), "fp", 1);

        observed.receive(new ReceiveMigrationEventCommand(triggered, "{}"));
        observed.receive(new ReceiveMigrationEventCommand(triggered, "{}"));

        assertThat(seen).containsExactly(
                "open migration:msg-1", "migration:listener-triggered Recorded", "close migration:msg-1",
                "open migration:msg-1", "migration:listener-triggered Duplicate", "close migration:msg-1");
    }

    @Test
    void a_redelivery_is_a_duplicate_and_changes_nothing() {
        MigrationEvent first = MigrationEvents.event("app-data-uploaded", Optional.empty(), "digest", 1);
        receive(first);

        Result again = receive(MigrationEvents.receivedAt(first, first.receivedAt().minusSeconds(1)));

        assertThat(again).isEqualTo(new Result.Duplicate(new EventId("migration:sha256:digest")));
        assertThat(service.transfer(MigrationEvents.TRANSFER).orElseThrow().timeline()).containsExactly(first);
    }

    @Test
    void a_message_id_reused_with_another_body_is_a_conflict_and_changes_nothing() {
        MigrationEvent first = MigrationEvents.event("listener-triggered", Optional.of("msg-1"), "fp-a", 1);
        receive(first);

        Result other = receive(MigrationEvents.event("transfer-settled", Optional.of("msg-1"), "fp-b", 2));

        assertThat(other).isInstanceOf(Result.Conflict.class);
        assertThat(service.transfer(MigrationEvents.TRANSFER).orElseThrow().settled()).isFalse();
    }

    @Test
    void a_new_type_without_a_transfer_is_stored_only() {
        MigrationEvent future = new MigrationEvent(new MigrationEventType("app-archived"), Optional.empty(),
                Optional.empty(), "fp-new", "client-1", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), MigrationEvents.T0);

        assertThat(receive(future)).isInstanceOf(Result.Stored.class);
        StoredEvent stored = events.find(new EventId("migration:sha256:fp-new")).orElseThrow();
        assertThat(stored.event().type()).isEqualTo("migration:app-archived");
        assertThat(stored.detail()).contains("does not know");
        assertThat(service.transfers(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void a_migration_event_gets_a_delivery_for_each_matching_subscription_and_wakes_the_worker() {
        Subscription migrations = new Subscription("migrations", List.of(EventTypePattern.of("migration:*")),
                Optional.empty(), new HandlerSpec.Bean("handler", Duration.ofSeconds(5)));
        Subscription jira = new Subscription("jira", List.of(EventTypePattern.of("avi:jira:*")),
                Optional.empty(), new HandlerSpec.Bean("handler", Duration.ofSeconds(5)));
        SubscriptionRouter router = new SubscriptionRouter(List.of(
                new SubscriptionRouter.Route(migrations, DeliveryFilter.DELIVER_ALL),
                new SubscriptionRouter.Route(jira, DeliveryFilter.DELIVER_ALL)), DeliveryObserver.NONE);
        AtomicInteger wakes = new AtomicInteger();
        MigrationIngestService routed = new MigrationIngestService(events, transfers, new InMemoryUnitOfWork(),
                router, wakes::incrementAndGet);
        MigrationEvent uploaded = MigrationEvents.event("app-data-uploaded", Optional.of("msg-9"), "fp9", 1);

        routed.receive(new ReceiveMigrationEventCommand(uploaded, "{}"));
        routed.receive(new ReceiveMigrationEventCommand(uploaded, "{}"));

        assertThat(events.deliveries().ofEvent(new EventId("migration:msg-9")))
                .singleElement().satisfies(d -> assertThat(d.subscription()).isEqualTo("migrations"));
        assertThat(wakes.get()).isEqualTo(1);
    }
}
