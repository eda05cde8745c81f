package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/operations.md is the complete configuration reference: every {@code accessgate.*}
 * property the code reads and every {@code ACCESSGATE_*} variable is in its table, and every
 * property the code reads has its default in application.yml.
 */
class ConfigurationReferenceTest {

    private static final Path SOURCES = Path.of("..");
    private static final Pattern VALUE = Pattern.compile("\\$\\{(accessgate\\.[a-z0-9.-]+)");
    private static final Pattern PREFIX = Pattern.compile("@ConfigurationProperties\\(\"(accessgate(?:\\.[a-z0-9-]+)*)\"\\)");
    private static final Pattern SETTER = Pattern.compile("public void set([A-Z][A-Za-z0-9]*)\\(");
    private static final Pattern KEY_CONSTANT = Pattern.compile("KEY = \"(accessgate\\.[a-z0-9.-]+)\"");
    private static final Pattern ENV = Pattern.compile("\\b(ACCESSGATE_[A-Z_]+|PORT)\\b");

    private static List<Path> mainSources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String module : List.of("app", "adapters-http", "adapters-persistence")) {
            try (Stream<Path> walk = Files.walk(SOURCES.resolve(module).resolve("src/main"))) {
                walk.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".xml")
                        || f.toString().endsWith(".yml")).forEach(files::add);
            }
        }
        return files;
    }

    /** Every accessgate.* property the code reads: @Value placeholders, @ConfigurationProperties setters, KEY constants. */
    private static Set<String> propertiesReadInCode() throws IOException {
        Set<String> properties = new TreeSet<>();
        for (Path file : mainSources()) {
            if (!file.toString().endsWith(".java")) {
                continue;
            }
            String text = Files.readString(file);
            VALUE.matcher(text).results().forEach(m -> properties.add(m.group(1)));
            KEY_CONSTANT.matcher(text).results().forEach(m -> properties.add(m.group(1)));
            Matcher prefix = PREFIX.matcher(text);
            if (prefix.find()) {
                SETTER.matcher(text).results().forEach(m -> properties.add(prefix.group(1) + "." + kebab(m.group(1))));
            }
        }
        return properties;
    }

    private static String kebab(String camel) {
        return Character.toLowerCase(camel.charAt(0)) + camel.substring(1).replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? (String) k : prefix + "." + k, v, into));
        } else {
            into.add(prefix);
        }
    }

    @Test
    void every_setting_read_in_code_is_in_application_yml_and_in_the_reference() throws IOException {
        String yml = Files.readString(SOURCES.resolve("app/src/main/resources/application.yml"));
        Set<String> inYml = new TreeSet<>();
        flatten("", new Yaml().load(yml), inYml);
        String reference = Files.readString(SOURCES.resolve("docs/operations.md"));
        Set<String> read = propertiesReadInCode();

        assertThat(read).as("properties found in code").contains("accessgate.db", "accessgate.security.api-token",
                "accessgate.migration.register", "accessgate.subscriptions");
        Set<String> missingDefaults = new TreeSet<>(read);
        missingDefaults.removeAll(inYml);
        missingDefaults.remove("accessgate.subscriptions"); // configured per install, no default
        assertThat(missingDefaults).as("properties read in code without a default in application.yml").isEmpty();

        Set<String> all = new TreeSet<>(read);
        inYml.stream().filter(p -> p.startsWith("accessgate.")).forEach(all::add);
        assertThat(all).as("properties missing from the table in docs/operations.md")
                .allSatisfy(p -> assertThat(reference).contains("`" + p + "`"));
    }

    @Test
    void every_environment_variable_is_in_the_reference() throws IOException {
        Set<String> variables = new TreeSet<>();
        for (Path file : mainSources()) {
            ENV.matcher(Files.readString(file)).results().map(m -> m.group(1))
                    .filter(v -> !v.equals("PORT") || file.toString().endsWith(".yml")).forEach(variables::add);
        }
        String reference = Files.readString(SOURCES.resolve("docs/operations.md"));

        assertThat(variables).contains("ACCESSGATE_DB", "ACCESSGATE_LOG_FORMAT", "ACCESSGATE_CONFIG", "PORT");
        assertThat(variables).as("environment variables missing from docs/operations.md")
                .allSatisfy(v -> assertThat(reference).contains("`" + v + "`"));
    }
}
