package dev.accessgate.adapters.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of tools/npm-clients with Node. Missing Node or node_modules is a test
 * failure that says how to fix it, never a silent skip.
 */
public final class NodeScript {

    private NodeScript() {
    }

    public static Path clientsDir() {
        String configured = System.getProperty("accessgate.npm-clients");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "tools", "npm-clients");
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("atlassian-jwt"))) {
            throw new AssertionError("the npm test clients are not installed in " + dir.toAbsolutePath()
                    + ": run 'npm ci' there (the Maven build does it in generate-test-resources)");
        }
        return dir;
    }

    /** Runs {@code node <script>} with {@code input} on stdin; returns stdout. */
    public static String run(String script, String input) {
        Path dir = clientsDir();
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE);
        try {
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("node " + script + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run node (is Node.js installed and on PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
