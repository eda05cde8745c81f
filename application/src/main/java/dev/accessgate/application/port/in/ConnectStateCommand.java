package dev.accessgate.application.port.in;

import dev.accessgate.domain.Text;
import dev.accessgate.domain.installation.ConnectState;
import java.util.Objects;

/** A Connect {@code uninstalled}, {@code enabled} or {@code disabled} callback for {@code clientKey}. */
public record ConnectStateCommand(String clientKey, ConnectState state) {

    public ConnectStateCommand {
        Text.identifier("clientKey", clientKey);
        Objects.requireNonNull(state, "state");
        if (state == ConnectState.INSTALLED) {
            throw new IllegalArgumentException("an install is a ConnectInstallCommand");
        }
    }
}
