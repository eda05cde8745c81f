package dev.accessgate.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ACCESSGATE_CONFIG=/path/file.yml}: an extra YAML file read after application.yml (its
 * values win). Handed to Micronaut as {@code micronaut.config.files}, unless that is set already.
 */
final class ExtraConfig {

    static final String VARIABLE = "ACCESSGATE_CONFIG";
    static final String MICRONAUT_PROPERTY = "micronaut.config.files";

    private ExtraConfig() {
    }

    /** Sets the Micronaut property from the environment; refuses a file that does not exist. */
    static void install(Map<String, String> environment) {
        String file = environment.get(VARIABLE);
        if (file == null || file.isBlank() || System.getProperty(MICRONAUT_PROPERTY) != null) {
            return;
        }
        if (!Files.isRegularFile(Path.of(file))) {
            throw new IllegalArgumentException(VARIABLE + " names " + file + ", which is not a readable file");
        }
        System.setProperty(MICRONAUT_PROPERTY, "file:" + Path.of(file).toAbsolutePath());
    }
}
