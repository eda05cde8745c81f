package dev.accessgate.adapters.http.security;

import io.micronaut.core.util.SupplierUtil;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atlassian's published install keys: {@code GET <base>/<kid>} answers the PEM public key.
 * Found keys are cached for {@code ttl}; failures are not cached (the next install retries)
 * and every fetch is bounded by {@code timeout}. Only key ids made of letters, digits,
 * {@code -}, {@code _} and {@code .} are fetched, so a token cannot steer the request.
 */
public final class AtlassianInstallKeys implements InstallKeys {

    /** Where Atlassian publishes the keys of signed installs (production). */
    public static final URI DEFAULT_BASE = URI.create("https://connect-install-keys.atlassian.com/");

    private static final Logger LOG = LoggerFactory.getLogger(AtlassianInstallKeys.class);
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final int MAX_KEY_BYTES = 16_384;

    private record Cached(RSAPublicKey key, Instant until) {
    }

    private final URI base;
    /** Made on the first fetch: the JDK's TLS set-up it triggers costs start-up 0.1 to 0.3 s. */
    private final Supplier<HttpClient> http;
    private final Duration timeout;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AtlassianInstallKeys(URI base, Duration timeout, Duration ttl, Clock clock) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.timeout = timeout;
        this.ttl = ttl;
        this.clock = clock;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
        this.http = SupplierUtil.memoized(() ->
                HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    @Override
    public Optional<RSAPublicKey> find(String kid) {
        if (kid == null || !KID.matcher(kid).matches() || kid.contains("..")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Cached cached = cache.get(kid);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.key());
        }
        Optional<RSAPublicKey> key = fetch(kid);
        key.ifPresent(k -> cache.put(kid, new Cached(k, now.plus(ttl))));
        return key;
    }

    private Optional<RSAPublicKey> fetch(String kid) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(kid)).timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> response = http.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.warn("install key {} not found: {} answered {}", kid, base, response.statusCode());
                return Optional.empty();
            }
            if (response.body().length > MAX_KEY_BYTES) {
                LOG.warn("install key {}: answer too large", kid);
                return Optional.empty();
            }
            return Optional.of(parsePem(new String(response.body(), java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("install key {} could not be fetched from {}: {}", kid, base, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static RSAPublicKey parsePem(String pem) throws GeneralSecurityException {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
