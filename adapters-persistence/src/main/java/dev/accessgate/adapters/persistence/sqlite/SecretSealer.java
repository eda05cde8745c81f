package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.port.out.StoreException;
import dev.accessgate.domain.installation.SharedSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How shared secrets are kept at rest. With a key: AES-GCM (JDK), a random 96-bit nonce per
 * seal, the client key as associated data so a sealed secret cannot be moved to another
 * client's row; stored as {@code aes-gcm:v1:<base64(nonce || ciphertext+tag)>}. Without a
 * key: {@code plain:<secret>}. Plain values are still read when a key is set (a key added
 * later takes effect at the next install); sealed values cannot be read without the key.
 */
public final class SecretSealer {

    private static final String PLAIN = "plain:";
    private static final String SEALED = "aes-gcm:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKey> key;
    private final SecureRandom random = new SecureRandom();

    private SecretSealer(Optional<SecretKey> key) {
        this.key = key;
    }

    /** Keeps secrets as plain text (only for local development; the app warns at start-up). */
    public static SecretSealer plain() {
        return new SecretSealer(Optional.empty());
    }

    /** AES-GCM with a 128, 192 or 256-bit key. */
    public static SecretSealer aesGcm(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES key is 16, 24 or 32 bytes; got " + key.length);
        }
        return new SecretSealer(Optional.of(new SecretKeySpec(key.clone(), "AES")));
    }

    /** A key given as base64 text (for example {@code openssl rand -base64 32}). */
    public static SecretSealer aesGcm(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret key is not base64");
        }
        return aesGcm(key);
    }

    public boolean encrypts() {
        return key.isPresent();
    }

    String seal(String clientKey, SharedSecret secret) {
        if (key.isEmpty()) {
            return PLAIN + secret.value();
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(clientKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.bytes());
            return SEALED + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreException.Kind.FAILED, "cannot encrypt a shared secret", e);
        }
    }

    SharedSecret open(String clientKey, String stored) {
        if (stored.startsWith(PLAIN)) {
            return new SharedSecret(stored.substring(PLAIN.length()));
        }
        if (!stored.startsWith(SEALED)) {
            throw new StoreException(StoreException.Kind.FAILED,
                    "the shared secret of client " + clientKey + " is stored in an unknown form", null);
        }
        if (key.isEmpty()) {
            throw new StoreException(StoreException.Kind.FAILED, "the shared secret of client " + clientKey
                    + " is encrypted, but no secret key is configured (ACCESSGATE_SECRET_KEY)", null);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(clientKey.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new SharedSecret(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException(StoreException.Kind.FAILED, "the shared secret of client " + clientKey
                    + " cannot be decrypted with the configured key (ACCESSGATE_SECRET_KEY)", e);
        }
    }

    @Override
    public String toString() {
        return key.isPresent() ? "SecretSealer[aes-gcm]" : "SecretSealer[plain]";
    }
}
