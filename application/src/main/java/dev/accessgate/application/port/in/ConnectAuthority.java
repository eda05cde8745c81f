package dev.accessgate.application.port.in;

import dev.accessgate.domain.Text;

/**
 * What a Connect lifecycle callback proved about its sender. The HTTP adapter checks the
 * signatures; the use case decides what each proof permits.
 */
public sealed interface ConnectAuthority {

    /** An RS256 install token signed by Atlassian, issued for {@code clientKey}. */
    record InstallToken(String clientKey) implements ConnectAuthority {
        public InstallToken {
            Text.identifier("iss", clientKey);
        }
    }

    /** An HS256 JWT signed with the shared secret stored at {@code revision} for {@code clientKey}. */
    record SharedSecretToken(String clientKey, long revision) implements ConnectAuthority {
        public SharedSecretToken {
            Text.identifier("iss", clientKey);
        }
    }

    /** No token at all. */
    record Unsigned() implements ConnectAuthority {
    }
}
