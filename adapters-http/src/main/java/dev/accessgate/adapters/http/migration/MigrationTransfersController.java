package dev.accessgate.adapters.http.migration;

import dev.accessgate.adapters.http.api.Paging;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.application.port.in.QueryMigrationTransfersUseCase;
import dev.accessgate.application.port.in.RegisterMigrationWebhookUseCase;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.migration.MigrationTransfer;
import dev.accessgate.domain.migration.TransferId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/migrations/transfers} (by transfer id, cursor pagination),
 * {@code GET /v1/migrations/transfers/{transferId}} and
 * {@code GET /v1/migrations/webhook-registrations} (the latest registration attempt per client).
 */
@Controller(value = "/v1/migrations", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
final class MigrationTransfersController {

    private final QueryMigrationTransfersUseCase transfers;
    private final Optional<RegisterMigrationWebhookUseCase> registrations;

    MigrationTransfersController(QueryMigrationTransfersUseCase transfers,
                                 Optional<RegisterMigrationWebhookUseCase> registrations) {
        this.transfers = transfers;
        this.registrations = registrations;
    }

    @Get("/transfers/{transferId}")
    MigrationResponses.Transfer transfer(String transferId) {
        TransferId id = new TransferId(transferId);
        return transfers.transfer(id).map(MigrationResponses.Transfer::of).orElseThrow(() ->
                ProblemException.at(ProblemException.Kind.NOT_FOUND, "path:transferId",
                        "no migration event of transfer " + transferId + " was received"));
    }

    @Get("/transfers")
    MigrationResponses.TransferPage transfers(@Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        int pageSize = Paging.limit(limit);
        List<MigrationTransfer> page = transfers.transfers(Optional.ofNullable(cursor).map(MigrationTransfersController::parse),
                pageSize + 1);
        boolean more = page.size() > pageSize;
        List<MigrationTransfer> shown = more ? page.subList(0, pageSize) : page;
        return new MigrationResponses.TransferPage(shown.stream().map(MigrationResponses.Transfer::of).toList(),
                more ? cursor(shown.get(shown.size() - 1).id()) : null);
    }

    @Get("/webhook-registrations")
    MigrationResponses.Registrations registrations() {
        return new MigrationResponses.Registrations(registrations.map(RegisterMigrationWebhookUseCase::registrations)
                .orElse(List.of()).stream().map(MigrationResponses.Registration::of).toList());
    }

    /** The position after a transfer, as an opaque string (base64url of its id). */
    static String cursor(TransferId after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(after.value().getBytes(StandardCharsets.UTF_8));
    }

    private static TransferId parse(String cursor) {
        try {
            return new TransferId(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DomainException e) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "query:cursor",
                    "is not a cursor this API returned");
        }
    }
}
