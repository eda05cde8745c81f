package dev.accessgate.domain.installation;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Connect installation as its lifecycle callbacks describe it, without its secret.
 *
 * @param clientKey   the client (one product on one site), key of the installation
 * @param appKey      the app's {@code key}
 * @param baseUrl     the site's (or product's) base URL, canonical
 * @param cloudId     the site's cloudId when the payload gave one
 * @param attributes  the other fields of the payload (strings, numbers and booleans as text),
 *                    sorted by name; never the shared secret
 * @param installedAt when the (latest fresh) install was received
 * @param updatedAt   when the latest callback was received
 */
public record ConnectInstallation(String clientKey, String appKey, SiteUrl baseUrl, Optional<WorkspaceId> cloudId,
                                  ConnectState state, Map<String, String> attributes, Instant installedAt,
                                  Instant updatedAt) {

    /** At most this many attributes are kept per installation. */
    public static final int MAX_ATTRIBUTES = 64;
    /** Longest attribute value kept, in characters. */
    public static final int MAX_ATTRIBUTE_LENGTH = 4096;

    public ConnectInstallation {
        Text.identifier("clientKey", clientKey);
        Text.identifier("key", appKey);
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(cloudId, "cloudId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(installedAt, "installedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "attributes",
                    "at most " + MAX_ATTRIBUTES + " payload fields are kept");
        }
        attributes.forEach((name, value) -> {
            Text.identifier("attribute name", name);
            if (name.equals("sharedSecret")) {
                throw DomainException.invalid("attributes", "the shared secret is never kept as an attribute");
            }
            if (value.length() > MAX_ATTRIBUTE_LENGTH) {
                throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, name,
                        name + " is longer than " + MAX_ATTRIBUTE_LENGTH + " characters");
            }
        });
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /**
     * The site this installation lives on: the base URL without its path
     * ({@code https://x.atlassian.net/wiki} is on {@code https://x.atlassian.net}).
     */
    public SiteUrl site() {
        return origin(baseUrl);
    }

    /** {@code site} without its path. */
    public static SiteUrl origin(SiteUrl site) {
        String value = site.value();
        int authority = value.indexOf("://") + 3;
        int path = value.indexOf('/', authority);
        return path < 0 ? site : SiteUrl.of(value.substring(0, path));
    }

    /** This installation in {@code newState}, updated at {@code at}. */
    public ConnectInstallation withState(ConnectState newState, Instant at) {
        return new ConnectInstallation(clientKey, appKey, baseUrl, cloudId, newState, attributes, installedAt, at);
    }
}
