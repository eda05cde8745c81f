package dev.accessgate.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tools/browser-tests is, checked installed: a missing install is a failure that says how to fix it. */
final class BrowserTests {

    private BrowserTests() {
    }

    static Path directory() {
        String configured = System.getProperty("accessgate.browser-tests");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "tools", "browser-tests");
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("playwright-core"))
                || !Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))) {
            throw new AssertionError("the browser tests are not installed: run " + dir.toAbsolutePath()
                    + "/install.sh (the Maven build runs it in generate-test-resources)");
        }
        return dir;
    }
}
