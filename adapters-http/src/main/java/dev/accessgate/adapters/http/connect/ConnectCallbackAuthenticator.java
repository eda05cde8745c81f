package dev.accessgate.adapters.http.connect;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import dev.accessgate.adapters.http.security.ConnectJwtVerifier;
import dev.accessgate.adapters.http.security.InstallTokenVerifier;
import dev.accessgate.application.port.in.ConnectAuthority;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.text.ParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns the {@code Authorization} header of a lifecycle callback into what it proves: an
 * RS256 token is checked as an install token, an HS256 token as a Connect JWT of the client
 * it names (any state: reinstalls are signed with the old secret), no header is
 * {@link ConnectAuthority.Unsigned}. A header that proves nothing is refused outright.
 */
final class ConnectCallbackAuthenticator {

    /** The request carried credentials that do not verify. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final InstallTokenVerifier installTokens;
    private final ConnectJwtVerifier connectJwts;

    ConnectCallbackAuthenticator(InstallTokenVerifier installTokens, ConnectJwtVerifier connectJwts) {
        this.installTokens = Objects.requireNonNull(installTokens, "installTokens");
        this.connectJwts = Objects.requireNonNull(connectJwts, "connectJwts");
    }

    ConnectAuthority authority(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return new ConnectAuthority.Unsigned();
        }
        String header = authorization.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith("jwt ")) {
            throw new Refused("a lifecycle callback is authenticated with Authorization: JWT <token>");
        }
        JWSAlgorithm algorithm;
        try {
            algorithm = SignedJWT.parse(header.substring(4).strip()).getHeader().getAlgorithm();
        } catch (ParseException e) {
            throw new Refused("the JWT is malformed or not signed");
        }
        URI uri = request.getUri();
        String method = request.getMethodName();
        if (JWSAlgorithm.RS256.equals(algorithm)) {
            InstallTokenVerifier.Result result = installTokens.verify(method, uri.getRawPath(), uri.getRawQuery(),
                    authorization);
            if (result instanceof InstallTokenVerifier.Result.Verified verified) {
                return new ConnectAuthority.InstallToken(verified.clientKey());
            }
            throw new Refused(((InstallTokenVerifier.Result.Refused) result).reason());
        }
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            ConnectJwtVerifier.Result result = connectJwts.verifyAnyState(method, uri.getRawPath(), uri.getRawQuery(),
                    authorization);
            if (result instanceof ConnectJwtVerifier.Result.Verified verified) {
                return new ConnectAuthority.SharedSecretToken(verified.client().clientKey(), verified.client().revision());
            }
            throw new Refused(((ConnectJwtVerifier.Result.Refused) result).reason());
        }
        throw new Refused("a lifecycle callback must be signed with RS256 (install token) or HS256 (shared secret)");
    }
}
