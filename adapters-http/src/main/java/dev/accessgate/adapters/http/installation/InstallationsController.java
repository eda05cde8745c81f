package dev.accessgate.adapters.http.installation;

import dev.accessgate.application.port.in.ListInstallationsUseCase;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /v1/installations}: Forge installations by id, Connect installations by client key. */
@Controller(value = "/v1/installations", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
final class InstallationsController {

    private final ListInstallationsUseCase installations;

    InstallationsController(ListInstallationsUseCase installations) {
        this.installations = installations;
    }

    @Get
    InstallationResponses.Installations list() {
        return new InstallationResponses.Installations(
                installations.forgeInstallations().stream().map(InstallationResponses.Forge::of).toList(),
                installations.connectInstallations().stream().map(InstallationResponses.Connect::of).toList());
    }
}
