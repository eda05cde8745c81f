package dev.accessgate.adapters.persistence.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the PostgreSQL database.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db...}, without credentials
 * @param poolSize connections of this instance (readers and writers alike)
 */
public record PostgresSettings(String jdbcUrl, Optional<String> user, Optional<String> password, int poolSize) {

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
        }
        if (poolSize < 1 || poolSize > 256) {
            throw new IllegalArgumentException("the PostgreSQL pool size must be between 1 and 256");
        }
    }

    /** True for the URLs {@link #parse} understands; anything else is taken as a SQLite file. */
    public static boolean isPostgres(String url) {
        return url.startsWith("postgresql://") || url.startsWith("postgres://") || url.startsWith("jdbc:postgresql:");
    }

    /**
     * {@code postgresql://user:password@host:port/db?options} (libpq's form; user and password
     * percent-encoded) or {@code jdbc:postgresql://host:port/db?user=...&password=...}. Error
     * messages never repeat the URL: it may hold the password.
     */
    public static PostgresSettings parse(String url, int poolSize) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresSettings(url, Optional.empty(), Optional.empty(), poolSize);
        }
        if (!isPostgres(url)) {
            throw new IllegalArgumentException("a PostgreSQL URL starts with postgresql:// or jdbc:postgresql:");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the PostgreSQL URL is malformed (at index " + e.getIndex() + ")");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the PostgreSQL URL names no host");
        }
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "" : uri.getRawPath();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (database.isEmpty() ? "/" : database) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        }
        return new PostgresSettings(jdbc, user, password, poolSize);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL as it is safe to log: no password, from the user info or the query. */
    public String redacted() {
        return user.map(u -> u + "@").orElse("") + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + redacted() + ", poolSize=" + poolSize + "]";
    }
}
