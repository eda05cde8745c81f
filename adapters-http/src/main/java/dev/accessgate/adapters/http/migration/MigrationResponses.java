package dev.accessgate.adapters.http.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accessgate.application.port.in.RegisterMigrationWebhookUseCase;
import dev.accessgate.domain.migration.MigrationDetails;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationTransfer;
import dev.accessgate.domain.migration.TransferId;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The JSON of the migration endpoints. */
final class MigrationResponses {

    private MigrationResponses() {
    }

    /**
     * The answer to {@code POST /migration/events}.
     *
     * @param status {@code stored} (new), {@code duplicate} (seen before, nothing changed) or
     *               {@code conflict} (its messageId came before with another body; nothing changed)
     * @param known  false for an event type this version does not know (stored all the same)
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Acknowledgement(String status, String eventId, String eventType, boolean known, String transferId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Transfer(String transferId, String originalTransferId, String cloudAppKey, String serverAppVersion,
                    Details migrationDetails, boolean listenerTriggered, boolean errored,
                    boolean cancellationRequested, boolean settled, List<Upload> uploads,
                    List<String> unknownEventTypes, Instant firstReceivedAt, Instant lastReceivedAt,
                    List<Event> events) {

        static Transfer of(MigrationTransfer t) {
            return new Transfer(t.id().value(), t.originalTransferId().map(TransferId::value).orElse(null),
                    t.cloudAppKey().orElse(null), t.serverAppVersion().orElse(null),
                    t.details().map(Details::of).orElse(null), t.listenerTriggered(), t.errored(),
                    t.cancellationRequested(), t.settled(), t.uploads().stream().map(Upload::of).toList(),
                    List.copyOf(t.unknownEventTypes()), t.firstReceivedAt().orElse(null),
                    t.lastReceivedAt().orElse(null), t.timeline().stream().map(Event::of).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Details(String migrationId, String migrationScopeId, String name, Long createdAt, String jiraClientKey,
                   String confluenceClientKey, String cloudUrl) {

        static Details of(MigrationDetails d) {
            return new Details(d.migrationId().orElse(null), d.migrationScopeId().orElse(null), d.name().orElse(null),
                    d.createdAt().map(Instant::getEpochSecond).orElse(null), d.jiraClientKey().orElse(null),
                    d.confluenceClientKey().orElse(null), d.cloudUrl().orElse(null));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Upload(String s3Key, String label, Instant receivedAt) {

        static Upload of(MigrationTransfer.Upload u) {
            return new Upload(u.s3Key(), u.label().orElse(null), u.receivedAt());
        }
    }

    /** One event of the transfer: {@code eventId} is its id in the event store ({@code GET /v1/events/{id}}). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Event(String eventType, boolean known, String messageId, String eventId, Instant receivedAt,
                 String sender) {

        static Event of(MigrationEvent e) {
            return new Event(e.type().name(), e.type().isKnown(), e.messageId().orElse(null),
                    "migration:" + e.key(), e.receivedAt(), e.sender());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TransferPage(List<Transfer> transfers, String nextCursor) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Registration(String clientKey, int attempt, Instant at, String outcome, String detail,
                        List<String> endpoints, Long nextRetryInSeconds) {

        static Registration of(RegisterMigrationWebhookUseCase.Attempt a) {
            String outcome;
            String detail = null;
            List<String> endpoints = null;
            if (a.result() instanceof RegisterMigrationWebhookUseCase.Result.Registered registered) {
                outcome = "registered";
                endpoints = registered.endpoints();
            } else if (a.result() instanceof RegisterMigrationWebhookUseCase.Result.Skipped skipped) {
                outcome = "skipped";
                detail = skipped.reason();
            } else {
                outcome = "failed";
                detail = ((RegisterMigrationWebhookUseCase.Result.Failed) a.result()).reason();
            }
            return new Registration(a.clientKey(), a.number(), a.at(), outcome, detail, endpoints,
                    a.nextRetryIn().map(java.time.Duration::toSeconds).orElse(null));
        }
    }

    @Serdeable
    record Registrations(List<Registration> registrations) {
    }
}
