package dev.accessgate.application.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The example payloads of the Atlassian documentation (copied from shared/fixtures), on the
 * test classpath of every module that depends on the application test-jar.
 */
public final class Fixtures {

    public static final String OBJECTS_V2 = "policy-objects-blocked.v2.json";
    public static final String CONTAINER_V2 = "policy-container-blocked.v2.json";
    public static final String OBJECTS_V1 = "policy-objects-blocked.v1.cloudevent.json";
    public static final String OBJECTS_V1_PLAIN = "policy-objects-blocked.v1.plain.json";

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
