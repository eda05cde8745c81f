package dev.accessgate.application.port.out;

import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import java.util.List;
import java.util.Objects;

/**
 * A Connect client's Notification API for migration webhooks:
 * {@code {baseUrl}/rest/atlassian-connect/1/migration/webhook}, each call signed with a Connect
 * JWT (HS256 with the client's shared secret, {@code iss} = the app key, {@code qsh}).
 */
public interface MigrationWebhookApi {

    /** Whom to call and how to sign. */
    record Target(SiteUrl baseUrl, String appKey, SharedSecret secret) {
        public Target {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(appKey, "appKey");
            Objects.requireNonNull(secret, "secret");
        }
    }

    /** What a call answered. */
    sealed interface Reply {

        /** 2xx; {@code endpoints} as the API listed them (empty for a PUT). */
        record Ok(List<String> endpoints) implements Reply {
            public Ok {
                endpoints = List.copyOf(endpoints);
            }
        }

        /** Anything else; {@code retryable} for timeouts, connection failures, 429 and 5xx. */
        record Failed(String reason, boolean retryable) implements Reply {
        }
    }

    /** Replaces the registered endpoints (an empty list deletes them). */
    Reply put(Target target, List<String> endpoints);

    /** The registered endpoints. */
    Reply get(Target target);
}
