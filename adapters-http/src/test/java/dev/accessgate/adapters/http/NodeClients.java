package dev.accessgate.adapters.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts of tools/npm-clients with Node. The Maven build installs their packages
 * before the tests; when Node or the packages are missing the test fails and says so.
 */
public final class NodeClients {

    private NodeClients() {
    }

    public static Path directory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path clients = dir.resolve("tools/npm-clients");
            if (Files.isDirectory(clients)) {
                return clients;
            }
        }
        throw new IllegalStateException("tools/npm-clients not found above " + here);
    }

    /** Runs {@code node script args...} and returns its standard output; fails on a non-zero exit. */
    public static String run(String script, String... args) {
        Path dir = directory();
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            throw new IllegalStateException("npm packages are not installed in " + dir
                    + ": run 'mvn -B verify' (it runs npm install) or 'npm install' there");
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("node " + script + " did not finish within 60 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("node " + script + " failed: " + output);
            }
            return output.trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (is Node.js installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
