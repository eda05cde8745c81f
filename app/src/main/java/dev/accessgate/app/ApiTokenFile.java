package dev.accessgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The API token kept in a file when none is configured: read if the file exists, else a new
 * random token (256 bits, base64url) written to a new file that only its owner can read.
 */
final class ApiTokenFile {

    private ApiTokenFile() {
    }

    /** What {@link #readOrCreate} found. */
    record Token(String value, boolean created) {
        @Override
        public String toString() {
            return "Token[redacted, created=" + created + "]";
        }
    }

    static Token readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return new Token(Files.readString(file, StandardCharsets.UTF_8).strip(), false);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                create(file);
            } catch (FileAlreadyExistsException raced) {
                return readOrCreate(file);
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            return new Token(token, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API token file " + file, e);
        }
    }

    /** Creates the empty file with owner-only permissions from the start (no window where others may read it). */
    private static void create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
            java.io.File f = file.toFile();
            f.setReadable(false, false);
            f.setReadable(true, true);
            f.setWritable(false, false);
            f.setWritable(true, true);
        }
    }
}
