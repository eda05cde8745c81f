package dev.accessgate.domain.policy;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The base URL of an Atlassian site, such as {@code https://example.atlassian.net}, in one
 * canonical form: lower-case scheme and host, no default port, no trailing slash, no query.
 * Older (v1) policy events name their workspace this way; installations map it to a cloudId.
 */
public record SiteUrl(String value) {

    public SiteUrl {
        value = canonical(Text.identifier("siteUrl", value));
    }

    /** The site URL parsed from {@code text} and normalised to its origin. */
    public static SiteUrl of(String text) {
        return new SiteUrl(text);
    }

    private static String canonical(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw DomainException.invalid("siteUrl", "siteUrl is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw DomainException.invalid("siteUrl", "siteUrl must be an http or https URL");
        }
        // The authority is parsed here: java.net.URI gives no host for names with '_' (site_name.atlassian.net).
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty() || authority.contains("@") || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw DomainException.invalid("siteUrl", "siteUrl must be a plain base URL with a host");
        }
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("siteUrl", "siteUrl has an invalid port");
            }
        }
        if (host.isEmpty()) {
            throw DomainException.invalid("siteUrl", "siteUrl must be a plain base URL with a host");
        }
        boolean defaultPort = port == -1 || (port == 443 && scheme.equals("https")) || (port == 80 && scheme.equals("http"));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    @Override
    public String toString() {
        return value;
    }
}
