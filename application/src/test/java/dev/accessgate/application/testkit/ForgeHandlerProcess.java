package dev.accessgate.application.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code node tools/npm-clients/forge-handler.js}, a handler that answers with the real
 * {@code @forge/events} InvocationError JSON, as a child process on 127.0.0.1. Fails loudly
 * when node or the npm package is missing: the Maven build installs the package (adapters-http,
 * generate-test-resources), so run the tests through Maven from the repository root.
 */
public final class ForgeHandlerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private ForgeHandlerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ForgeHandlerProcess start() {
        Path clients = npmClients();
        Path script = clients.resolve("forge-handler.js");
        if (!Files.isRegularFile(clients.resolve("node_modules/@forge/events/package.json"))) {
            throw new IllegalStateException(clients.resolve("node_modules/@forge/events")
                    + " is missing: run the build from the repository root (mvn -B verify installs it),"
                    + " or npm ci in " + clients);
        }
        Process process;
        try {
            process = new ProcessBuilder("node", script.toString(), "0")
                    .directory(clients.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (is Node.js installed and on the PATH?): "
                    + e.getMessage(), e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String line = firstLine.get(20, TimeUnit.SECONDS);
            if (line == null || !line.startsWith("listening ")) {
                process.destroyForcibly();
                throw new IllegalStateException("forge-handler.js did not start: " + line);
            }
            return new ForgeHandlerProcess(process, Integer.parseInt(line.substring("listening ".length()).trim()));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("forge-handler.js did not start: " + e, e);
        }
    }

    /** tools/npm-clients, found from the working directory (a module or the repository root) upwards. */
    public static Path npmClients() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools/npm-clients");
            if (Files.isRegularFile(candidate.resolve("forge-handler.js"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("tools/npm-clients/forge-handler.js not found above "
                + Path.of("").toAbsolutePath());
    }

    /** {@code http://127.0.0.1:<port><path>}, e.g. {@code url("/h/retry?after=1200")}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The JSON array of every POST received so far: {@code [{path, at, headers, body, raw}]}. */
    public String callsJson() {
        try {
            return client.send(HttpRequest.newBuilder(url("/calls")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
