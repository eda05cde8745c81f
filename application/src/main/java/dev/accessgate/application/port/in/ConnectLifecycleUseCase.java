package dev.accessgate.application.port.in;

import dev.accessgate.domain.installation.ConnectInstallation;

/**
 * Connect lifecycle callbacks. Rules:
 * <ul>
 *   <li>an install (first or again) is permitted by an install token issued for its client;</li>
 *   <li>only when unsigned installs are switched on (local development): a first install may
 *       be unsigned, and a reinstall may instead be signed with the client's current secret;</li>
 *   <li>uninstalled, enabled and disabled need an install token or the current secret's
 *       signature, for the same client.</li>
 * </ul>
 */
public interface ConnectLifecycleUseCase {

    /** The answer to a callback. Only {@link Done} changed anything. */
    sealed interface Result {

        /** Applied; {@code reinstall} when it replaced an earlier install of the client. */
        record Done(ConnectInstallation installation, boolean reinstall) implements Result {
        }

        /** The proof does not permit this: 401. */
        record Refused(String reason) implements Result {
        }

        /** The client is not installed here. */
        record UnknownClient(String clientKey) implements Result {
        }

        /** The client changed concurrently, or the transition makes no sense now: 409. */
        record Conflict(String reason) implements Result {
        }
    }

    /** An {@code installed} callback, permitted by {@code authority}. */
    Result installed(ConnectInstallCommand command, ConnectAuthority authority);

    /** An {@code uninstalled}, {@code enabled} or {@code disabled} callback, permitted by {@code authority}. */
    Result changeState(ConnectStateCommand command, ConnectAuthority authority);
}
