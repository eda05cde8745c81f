package dev.accessgate.adapters.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.accessgate.adapters.http.problem.Problem;
import dev.accessgate.application.model.ConnectClient;
import dev.accessgate.application.port.in.FindConnectClientUseCase;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ConnectState;
import io.micronaut.http.MutableHttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a Connect JWT ({@code Authorization: JWT <token>}) sent by an installed client:
 * HS256 only (no {@code none}, no other algorithm), signed with the shared secret of the
 * client named by {@code iss}, {@code exp} and {@code iat} within the leeway, and {@code qsh}
 * equal to the {@link QueryStringHash} of this very request. For Connect callbacks and
 * migration webhooks:
 * <pre>{@code
 * switch (verifier.verify(request.getMethodName(), uri.getRawPath(), uri.getRawQuery(), authorization)) {
 *     case Verified v -> ... v.client().clientKey() ...
 *     case Refused r -> return r.response();   // 401 problem+json with WWW-Authenticate
 * }
 * }</pre>
 */
public final class ConnectJwtVerifier {

    /** The client that signed the request. No secret here. */
    public record VerifiedClient(String clientKey, ConnectInstallation installation, long revision,
                                 Optional<String> subject) {
    }

    /** What {@link #verify} found. */
    public sealed interface Result {

        record Verified(VerifiedClient client) implements Result {
        }

        /** Why the request is refused; the reason names no secret and may be shown to the caller. */
        record Refused(String reason) implements Result {
            public MutableHttpResponse<Problem> response() {
                return Unauthorized.response(Unauthorized.JWT_CHALLENGE, reason);
            }
        }
    }

    private final FindConnectClientUseCase clients;
    private final Clock clock;
    private final Duration leeway;
    private final String basePath;

    /**
     * @param leeway   allowed clock difference for {@code exp}, {@code iat} and {@code nbf}
     * @param basePath the path of the app's base URL ({@code ACCESSGATE_BASE_URL}), cut off the
     *                 request path before hashing, as Atlassian does
     */
    public ConnectJwtVerifier(FindConnectClientUseCase clients, Clock clock, Duration leeway, String basePath) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leeway = Objects.requireNonNull(leeway, "leeway");
        this.basePath = basePath == null ? "" : basePath;
    }

    /** Verifies a request from an installed client (an uninstalled client is refused). */
    public Result verify(String method, String rawPath, String rawQuery, String authorizationHeader) {
        return verify(method, rawPath, rawQuery, authorizationHeader, false);
    }

    /** As {@link #verify}, accepting an uninstalled client too: a reinstall is signed with its old secret. */
    public Result verifyAnyState(String method, String rawPath, String rawQuery, String authorizationHeader) {
        return verify(method, rawPath, rawQuery, authorizationHeader, true);
    }

    private Result verify(String method, String rawPath, String rawQuery, String authorizationHeader,
                          boolean anyState) {
        Jwts.Read read = Jwts.read(authorizationHeader, "JWT", JWSAlgorithm.HS256, "a Connect JWT", "JWT");
        if (read.isRefused()) {
            return new Result.Refused(read.refusal());
        }
        SignedJWT jwt = read.jwt();
        JWTClaimsSet claims = read.claims();
        String clientKey = claims.getIssuer();
        if (clientKey == null || clientKey.isBlank()) {
            return new Result.Refused("the JWT has no iss claim (the client key)");
        }
        Optional<ConnectClient> found = clients.find(clientKey);
        if (found.isEmpty() || (!anyState && found.get().installation().state() == ConnectState.UNINSTALLED)) {
            return new Result.Refused("the JWT's issuer is not an installed client");
        }
        ConnectClient client = found.get();
        try {
            if (!jwt.verify(new MACVerifier(client.secret().bytes()))) {
                return new Result.Refused("the JWT signature does not verify");
            }
        } catch (JOSEException e) {
            return new Result.Refused("the JWT signature does not verify");
        }
        Optional<String> refusal = Jwts.timeRefusal(claims, clock.instant(), leeway)
                .or(() -> Jwts.qshRefusal(claims, QueryStringHash.of(method, rawPath, rawQuery, basePath)));
        if (refusal.isPresent()) {
            return new Result.Refused(refusal.get());
        }
        return new Result.Verified(new VerifiedClient(clientKey, client.installation(), client.revision(),
                Optional.ofNullable(claims.getSubject())));
    }
}
