package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000,000-id baseline imports into the real service running in its own JVM with a 128 MB
 * heap ({@code -Xmx128m}, exiting on OutOfMemoryError), on a real SQLite file. The body
 * (about 40 MB) is generated while it is sent, chunked, so nothing holds it whole. Prints the
 * import time and the largest heap after a collection, for docs/benchmarks.md.
 */
class BaselineMemoryTest {

    private static final int IDS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void a_million_id_baseline_imports_in_a_128_mb_heap() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path gcLog = dir.resolve("gc.log");
        Path output = dir.resolve("service.log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog,
                "-cp", classpath, "dev.accessgate.app.AccessGate")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("ACCESSGATE_DB", dir.resolve("million.db").toString());
        builder.environment().put("ACCESSGATE_API_TOKEN", Http.API_TOKEN);
        Process service = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitReady(client, base, service, output);

            long started = System.nanoTime();
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(base.resolve("/v1/workspaces/big/baseline"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + Http.API_TOKEN)
                    .timeout(Duration.ofMinutes(5))
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(MillionIds::new))
                    .build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            assertThat(reply.body()).contains("\"objects\":" + IDS).contains("\"newlyBlocked\":" + IDS);
            assertThat(get(client, base, "/v1/workspaces")).contains("\"blockedObjects\":" + IDS);
            assertThat(get(client, base, "/v1/workspaces/big/objects/jira/issue/ISSUE-0777777"))
                    .contains("\"eventId\":\"million\"");
            assertThat(service.isAlive()).isTrue();
            System.out.printf("BaselineMemoryTest: %,d ids imported over HTTP in %.1f s with -Xmx128m; "
                    + "largest heap after GC %d MB%n", IDS, seconds, largestHeapAfterGc(gcLog));
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static void awaitReady(HttpClient client, URI base, Process service, Path output) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited: " + Files.readString(output));
            }
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("/v1/workspaces"))
                        .header("Authorization", "Bearer " + Http.API_TOKEN).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not start: " + Files.readString(output));
    }

    private static String get(HttpClient client, URI base, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + Http.API_TOKEN)
                        .build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** The largest "after" size of the collections in a unified GC log ({@code 12M->7M(64M)}). */
    private static long largestHeapAfterGc(Path gcLog) throws IOException {
        Matcher sizes = Pattern.compile("->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long largest = 0;
        while (sizes.find()) {
            largest = Math.max(largest, Long.parseLong(sizes.group(1)));
        }
        return largest;
    }

    /** A baseline of one million Jira issues, generated as it is read, in a scattered order. */
    private static final class MillionIds extends InputStream {

        private final List<byte[]> ends = List.of(
                "{\"id\": \"million\", \"time\": \"2024-05-01T00:00:00Z\", \"product\": \"jira\", \"types\": [\"issue\"], \"objects\": ["
                        .getBytes(StandardCharsets.UTF_8),
                "]}".getBytes(StandardCharsets.UTF_8));
        private byte[] chunk = ends.get(0);
        private int position;
        private int next;
        private boolean done;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (position == chunk.length && !refill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, into, offset, n);
            position += n;
            return n;
        }

        private boolean refill() {
            if (done) {
                return false;
            }
            if (next == IDS) {
                chunk = ends.get(1);
                done = true;
            } else {
                StringBuilder text = new StringBuilder(64 * 1024);
                for (int i = 0; i < 1_000 && next < IDS; i++, next++) {
                    long scattered = (next * 7_919L) % IDS; // a permutation: 7919 is prime to 10^6
                    text.append(next == 0 ? "" : ",").append("{\"type\":\"issue\",\"id\":\"ISSUE-")
                            .append(String.format("%07d", scattered)).append("\"}");
                }
                chunk = text.toString().getBytes(StandardCharsets.UTF_8);
            }
            position = 0;
            return true;
        }
    }
}
