package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.port.out.StoreException;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ConnectState;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shared secrets are encrypted in the file when a key is set, and a wrong or missing key fails early. */
class SecretsAtRestTest {

    private static final SharedSecret SECRET = new SharedSecret("the-secret-that-must-not-leak-0123456789");
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private final byte[] key = randomKey();

    @Test
    void with_a_key_the_secret_is_nowhere_in_the_database_files() throws IOException {
        Path file = dir.resolve("a.db");
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(file))) {
            SqliteInstallationStore store = new SqliteInstallationStore(db, SecretSealer.aesGcm(key));
            store.save(installation("client-1"), SECRET, OptionalLong.empty());
            assertThat(store.client("client-1").orElseThrow().secret()).isEqualTo(SECRET);
            assertThat(filesContain(file, SECRET.value())).isFalse();
            String stored = db.read(c -> {
                try (var rows = c.createStatement().executeQuery("SELECT shared_secret FROM connect_installations")) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            assertThat(stored).startsWith("aes-gcm:v1:");
        }
        assertThat(filesContain(file, SECRET.value())).isFalse();
    }

    @Test
    void without_a_key_the_secret_is_stored_plain_and_still_readable_after_a_key_is_added() {
        Path file = dir.resolve("b.db");
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(file))) {
            new SqliteInstallationStore(db, SecretSealer.plain()).save(installation("c"), SECRET, OptionalLong.empty());
            SqliteInstallationStore withKey = new SqliteInstallationStore(db, SecretSealer.aesGcm(key));
            assertThat(withKey.client("c").orElseThrow().secret()).isEqualTo(SECRET);
        }
    }

    @Test
    void a_missing_or_wrong_key_is_refused_when_the_store_opens() {
        Path file = dir.resolve("c.db");
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(file))) {
            new SqliteInstallationStore(db, SecretSealer.aesGcm(key)).save(installation("c"), SECRET,
                    OptionalLong.empty());

            assertThatThrownBy(() -> new SqliteInstallationStore(db, SecretSealer.plain()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("ACCESSGATE_SECRET_KEY")
                    .hasMessageNotContaining(SECRET.value());
            assertThatThrownBy(() -> new SqliteInstallationStore(db, SecretSealer.aesGcm(randomKey())))
                    .isInstanceOf(StoreException.class).hasMessageContaining("cannot be decrypted");
        }
    }

    @Test
    void a_sealed_secret_belongs_to_its_client_and_every_seal_differs() {
        SecretSealer sealer = SecretSealer.aesGcm(key);
        String sealed = sealer.seal("client-a", SECRET);

        assertThat(sealer.seal("client-a", SECRET)).isNotEqualTo(sealed);
        assertThat(sealer.open("client-a", sealed)).isEqualTo(SECRET);
        assertThatThrownBy(() -> sealer.open("client-b", sealed)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> sealer.open("client-a", sealed.substring(0, sealed.length() - 4) + "AAAA"))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void a_key_must_be_an_aes_key_in_base64() {
        assertThat(SecretSealer.aesGcm(java.util.Base64.getEncoder().encodeToString(key)).encrypts()).isTrue();
        assertThatThrownBy(() -> SecretSealer.aesGcm("not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretSealer.aesGcm(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean filesContain(Path db, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path file = Path.of(db + suffix);
            if (Files.exists(file) && indexOf(Files.readAllBytes(file), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static ConnectInstallation installation(String clientKey) {
        return new ConnectInstallation(clientKey, "app", SiteUrl.of("https://x.atlassian.net"), Optional.empty(),
                ConnectState.INSTALLED, Map.of(), T, T);
    }
}
