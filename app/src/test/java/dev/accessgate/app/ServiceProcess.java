package dev.accessgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * accessgate as a separate JVM on this test's class path, configured by environment variables
 * as in production: what {@code kill -9} and SIGTERM tests need, since neither can be done to
 * a server inside the test's own JVM. Each start writes its output to a log file of its own.
 */
final class ServiceProcess implements AutoCloseable {

    private final Path logDir;
    private final Map<String, String> environment;
    private final int port;
    private final List<String> jvmOptions;
    private Process process;
    private int starts;

    ServiceProcess(Path logDir, Map<String, String> environment) {
        this(logDir, environment, List.of());
    }

    /** @param jvmOptions more options of the JVM, after the ones every test start has */
    ServiceProcess(Path logDir, Map<String, String> environment, List<String> jvmOptions) {
        this.logDir = logDir;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = freePort();
        this.environment = new LinkedHashMap<>(environment);
        this.environment.put("PORT", Integer.toString(port));
        this.environment.putIfAbsent("ACCESSGATE_API_TOKEN", Http.API_TOKEN);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the JVM (without waiting for it to serve). */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        starts++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A small heap, C1 only and the serial collector: starts fast, which restarts need.
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AccessGate.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(starts).toFile());
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log file of the {@code n}th start (1-based). */
    Path log(int n) {
        return logDir.resolve("accessgate-" + n + ".log");
    }

    int starts() {
        return starts;
    }

    /** Waits until {@code /health/readiness} answers 200; false if the process died or time ran out. */
    boolean awaitReady(int seconds) {
        Http http = new Http(baseUrl(), io.micronaut.json.JsonMapper.createDefault());
        return Http.eventually(seconds, () -> {
            if (!process.isAlive()) {
                return true; // stop polling; reported below
            }
            try {
                return http.get("/health/readiness").status() == 200;
            } catch (UncheckedIOException notYet) {
                return false;
            }
        }) && process.isAlive();
    }

    /** {@code kill -9}: the JVM gets no chance to run anything. */
    void kill() {
        process.destroyForcibly();
        awaitExit(30);
    }

    /** SIGTERM: what an orchestrator sends first. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code, or -1 if it is still running. */
    int awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(30);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
