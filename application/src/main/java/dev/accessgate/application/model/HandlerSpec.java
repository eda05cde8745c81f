package dev.accessgate.application.model;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Where a subscription's deliveries go, and how long one attempt may take. */
public sealed interface HandlerSpec {

    /** Default time an attempt may take (Forge's default function timeout). */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(25);
    /** Longest timeout accepted: Forge's longest retryAfter; longer would hold a worker for nothing. */
    Duration MAX_TIMEOUT = Duration.ofSeconds(900);

    /** How long one attempt may take. */
    Duration timeout();

    /** accessgate POSTs the event to this http(s) URL (the sidecar case). */
    record Url(URI url, Duration timeout) implements HandlerSpec {
        public Url {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException("handler url must be an absolute http or https URL, was '"
                        + url + "'");
            }
            checkTimeout(timeout);
        }
    }

    /** An in-process {@link dev.accessgate.application.port.out.EventHandler}, found by name (the embedding case). */
    record Bean(String name, Duration timeout) implements HandlerSpec {
        public Bean {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("handler bean name is blank");
            }
            checkTimeout(timeout);
        }
    }

    private static void checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("handler timeout must be more than 0 and at most "
                    + MAX_TIMEOUT.toSeconds() + "s, was " + timeout);
        }
    }
}
