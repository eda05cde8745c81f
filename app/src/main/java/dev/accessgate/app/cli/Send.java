package dev.accessgate.app.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.accessgate.adapters.http.security.InstallTokenVerifier;
import dev.accessgate.adapters.http.security.QueryStringHash;
import dev.accessgate.app.cli.load.EventBodies;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code send}: plays the Atlassian side against a running accessgate. Policy events (v2 or
 * v1) in any content mode, a large block of ids chunked into events under the size limit with a
 * progress bar; Forge lifecycle events; Connect lifecycle callbacks and migration webhooks
 * signed as Connect JWTs with the client's shared secret; or any event file.
 */
final class Send {

    /** Atlassian keeps each policy event under this many bytes; so do we. */
    static final int MAX_EVENT_BYTES = 200_000;

    static final String USAGE = """
            send policy [--version v2|v1] [--ids N] [--workspace W] [--site-url U] [--product P] [--type T]
                        [--mode structured|binary|plain] [--max-bytes B]
            send container [--workspace W] [--product P] [--container ID] [--mode M]
            send lifecycle [--event installed|upgraded] [--cloud-id C] [--mode plain|structured|binary]
            send connect --event installed|enabled|disabled|uninstalled --client-key K --secret S
                        [--site-url U] [--cloud-id C]
            send migration --client-key K --secret S [--event listener-triggered|app-data-uploaded|...]
                        [--transfer-id T]
            send file <event.json> [--mode structured|plain]
              common: [--url http://127.0.0.1:8080] [--base-url ACCESSGATE_BASE_URL of the server, for qsh]
            """;

    private static final Set<String> COMMON = Set.of("url", "base-url");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Send(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** Exit code: 0 when every request got a 2xx, 1 when one did not, 2 for bad arguments. */
    int run(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            throw new IllegalArgumentException("what to send?");
        }
        String what = args[1];
        return switch (what) {
            case "policy" -> policy(flags(args, 2, "version", "ids", "workspace", "site-url", "product", "type", "mode",
                    "max-bytes"));
            case "container" -> container(flags(args, 2, "workspace", "product", "container", "mode"));
            case "lifecycle" -> lifecycle(flags(args, 2, "event", "cloud-id", "mode"));
            case "connect" -> connect(flags(args, 2, "event", "client-key", "secret", "site-url", "cloud-id"));
            case "migration" -> migration(flags(args, 2, "event", "client-key", "secret", "transfer-id"));
            case "file" -> {
                if (args.length < 3) {
                    throw new IllegalArgumentException("send file <event.json>");
                }
                yield file(Path.of(args[2]), flags(args, 3, "mode"));
            }
            default -> throw new IllegalArgumentException("unknown kind " + what
                    + " (policy, container, lifecycle, connect, migration, file)");
        };
    }

    private static Flags flags(String[] args, int from, String... names) {
        Set<String> known = new java.util.HashSet<>(COMMON);
        known.addAll(List.of(names));
        return Flags.parse(args, from, known);
    }

    private URI target(Flags flags, String path) {
        return URI.create(flags.get("url", "http://127.0.0.1:8080")).resolve(path);
    }

    /** A block of ids blocked in one policy change: as many events as it takes to stay under the size limit. */
    private int policy(Flags flags) throws IOException, InterruptedException {
        String version = flags.get("version", "v2");
        if (!version.equals("v2") && !version.equals("v1")) {
            throw new IllegalArgumentException("--version is v2 or v1");
        }
        int count = flags.number("ids", 3, 1, 100_000_000);
        int maxBytes = flags.number("max-bytes", MAX_EVENT_BYTES, 1_000, 10_000_000);
        EventBodies.Mode mode = EventBodies.Mode.parse(flags.get("mode", "structured"));
        String workspace = flags.get("workspace", "abc123");
        String product = flags.get("product", "jira");
        String type = flags.get("type", "issue");
        String siteUrl = flags.get("site-url", "https://site_name.atlassian.net");
        String change = UUID.randomUUID().toString();
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        List<EventBodies.Event> events = new ArrayList<>();
        List<Integer> idsPerEvent = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        // Cut the ids into chunks greedily; an id costs its length plus its quotes and comma (more in v1).
        int overhead = event(version, change, 0, time, workspace, product, type, siteUrl, List.of()).size();
        int perIdExtra = version.equals("v1") ? 24 + type.length() : 3;
        int size = overhead;
        for (int i = 1; i <= count; i++) {
            String id = Integer.toString(i);
            if (!chunk.isEmpty() && size + id.length() + perIdExtra > maxBytes) {
                events.add(event(version, change, events.size(), time, workspace, product, type, siteUrl, chunk));
                idsPerEvent.add(chunk.size());
                chunk = new ArrayList<>();
                size = overhead;
            }
            chunk.add(id);
            size += id.length() + perIdExtra;
        }
        events.add(event(version, change, events.size(), time, workspace, product, type, siteUrl, chunk));
        idsPerEvent.add(chunk.size());

        int failed = 0;
        Progress progress = new Progress(err, events.size(), count);
        long sentIds = 0;
        for (int i = 0; i < events.size(); i++) {
            EventBodies.Event event = events.get(i);
            HttpResponse<String> response = send(event.into(request(target(flags, "/events")), mode).build());
            sentIds += idsPerEvent.get(i);
            if (!ok(response)) {
                failed++;
                err.printf("%nevent %s: HTTP %d %s%n", event.id(), response.statusCode(), response.body());
            }
            progress.update(sentIds);
        }
        progress.done();
        out.printf("sent %d %s event(s) with %d id(s) in %s mode to %s: %d accepted, %d refused%n", events.size(),
                version, count, mode.name().toLowerCase(java.util.Locale.ROOT), target(flags, "/events"),
                events.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }

    private static EventBodies.Event event(String version, String change, int chunk, String time, String workspace,
                                           String product, String type, String siteUrl, List<String> ids) {
        String id = change + "-" + chunk;
        return version.equals("v1")
                ? new EventBodies.Event(id, EventBodies.OBJECTS_V1, "accessgate-send", time,
                EventBodies.objectsV1Data(siteUrl, type, ids))
                : new EventBodies.Event(id, EventBodies.OBJECTS_V2, "accessgate-send", time,
                EventBodies.objectsV2Data(workspace, product, type, ids));
    }

    private int container(Flags flags) throws IOException, InterruptedException {
        EventBodies.Event event = new EventBodies.Event(UUID.randomUUID().toString(), EventBodies.CONTAINER_V2,
                "accessgate-send", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                EventBodies.containerV2Data(flags.get("workspace", "abc123"), flags.get("product", "confluence"),
                        flags.get("container", "123456")));
        return report(send(event.into(request(target(flags, "/events")),
                EventBodies.Mode.parse(flags.get("mode", "structured"))).build()));
    }

    /** A Forge lifecycle payload; in plain mode typed by {@code ?type=} as Forge sends it. */
    private int lifecycle(Flags flags) throws IOException, InterruptedException {
        String kind = flags.get("event", "installed");
        if (!kind.equals("installed") && !kind.equals("upgraded")) {
            throw new IllegalArgumentException("--event is installed or upgraded");
        }
        String type = "avi:forge:" + kind + ":app";
        String payload = "{\"id\":" + EventBodies.quote(UUID.randomUUID().toString()) + ",\""
                + (kind.equals("installed") ? "installerAccountId" : "upgraderAccountId")
                + "\":\"4ad9aa0c52dc1b420a791d12\",\"app\":{\"id\":\"406d303d-0393-4ec4-ad7c-1435be94583a\","
                + "\"version\":\"9.0.0\",\"name\":\"accessgate send\"},\"context\":"
                + EventBodies.quote("ari:cloud:jira::site/" + flags.get("cloud-id", "abc123")) + "}";
        EventBodies.Mode mode = EventBodies.Mode.parse(flags.get("mode", "plain"));
        HttpRequest request = mode == EventBodies.Mode.PLAIN
                ? request(target(flags, "/events?type=" + type)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build()
                : new EventBodies.Event(UUID.randomUUID().toString(), type, "accessgate-send",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), payload)
                .into(request(target(flags, "/events")), mode).build();
        return report(send(request));
    }

    /** A Connect lifecycle callback; all but {@code installed} are signed with the shared secret (HS256). */
    private int connect(Flags flags) throws IOException, InterruptedException {
        String kind = flags.required("event");
        if (!Set.of("installed", "enabled", "disabled", "uninstalled").contains(kind)) {
            throw new IllegalArgumentException("--event is installed, enabled, disabled or uninstalled");
        }
        String clientKey = flags.required("client-key");
        String secret = flags.required("secret");
        String path = "/connect/" + kind;
        String payload = "{\"key\":\"accessgate-app\",\"clientKey\":" + EventBodies.quote(clientKey)
                + ",\"sharedSecret\":" + EventBodies.quote(secret) + ",\"baseUrl\":"
                + EventBodies.quote(flags.get("site-url", "https://site_name.atlassian.net")) + ",\"cloudId\":"
                + EventBodies.quote(flags.get("cloud-id", "abc123")) + ",\"productType\":\"jira\",\"eventType\":"
                + EventBodies.quote(kind) + "}";
        HttpRequest.Builder request = request(target(flags, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (!kind.equals("installed")) {
            // An install needs Atlassian's RS256 install token: only an unsigned one (local development) is sent.
            request.header("Authorization", "JWT " + connectJwt(clientKey, secret, path, flags));
        }
        return report(send(request.build()));
    }

    /** A migration webhook, signed with the client's shared secret. */
    private int migration(Flags flags) throws IOException, InterruptedException {
        String clientKey = flags.required("client-key");
        String secret = flags.required("secret");
        String kind = flags.get("event", "listener-triggered");
        String payload = "{\"eventType\":" + EventBodies.quote(kind) + ",\"cloudAppKey\":\"accessgate-app\","
                + "\"transferId\":" + EventBodies.quote(flags.get("transfer-id", UUID.randomUUID().toString()))
                + ",\"messageId\":" + EventBodies.quote(UUID.randomUUID().toString()) + ",\"serverAppVersion\":\"1.0\","
                + "\"migrationDetails\":{\"migrationId\":" + EventBodies.quote(UUID.randomUUID().toString())
                + ",\"migrationScopeId\":\"442bdd69-622d-323d-889d-383b41d8e536\",\"name\":\"accessgate send\","
                + "\"createdAt\":" + Instant.now().getEpochSecond() + ",\"jiraClientKey\":" + EventBodies.quote(clientKey)
                + ",\"confluenceClientKey\":\"unknown\",\"cloudUrl\":\"https://site_name.atlassian.net\"}"
                + (kind.equals("app-data-uploaded") ? ",\"s3Key\":\"" + UUID.randomUUID() + "\",\"label\":\"send\"" : "")
                + "}";
        return report(send(request(target(flags, "/migration/events")).header("Content-Type", "application/json")
                .header("Authorization", "JWT " + connectJwt(clientKey, secret, "/migration/events", flags))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build()));
    }

    /** Any event from a file: structured when it has a specversion, else plain JSON. */
    private int file(Path file, Flags flags) throws IOException, InterruptedException {
        byte[] body = Files.readAllBytes(file);
        String mode = flags.get("mode", new String(body, StandardCharsets.UTF_8).contains("\"specversion\"")
                ? "structured" : "plain");
        String contentType = switch (EventBodies.Mode.parse(mode)) {
            case STRUCTURED -> "application/cloudevents+json";
            case PLAIN -> "application/json";
            case BINARY -> throw new IllegalArgumentException("a file is sent structured or plain");
        };
        return report(send(request(target(flags, "/events")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()));
    }

    private String connectJwt(String clientKey, String secret, String path, Flags flags) {
        String basePath = InstallTokenVerifier.basePathOf(flags.get("base-url",
                env.getOrDefault("ACCESSGATE_BASE_URL", "http://localhost:8080")));
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientKey).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(180)))
                .claim("qsh", QueryStringHash.of("POST", path, null, basePath)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(padded(secret)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with this secret: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** HS256 keys must be 256 bits for the JOSE library; Connect secrets are longer anyway. */
    private static byte[] padded(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("--secret must be at least 32 bytes (Connect shared secrets are)");
        }
        return bytes;
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean ok(HttpResponse<?> response) {
        return response.statusCode() / 100 == 2;
    }

    private int report(HttpResponse<String> response) {
        out.println("HTTP " + response.statusCode() + (response.body().isEmpty() ? "" : " " + response.body()));
        return ok(response) ? 0 : 1;
    }

    /** A one-line progress bar on standard error, redrawn in place. */
    private static final class Progress {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private final int events;
        private final long ids;
        private int sent;

        Progress(PrintStream err, int events, long ids) {
            this.err = err;
            this.events = events;
            this.ids = ids;
        }

        void update(long idsSent) {
            sent++;
            int filled = (int) ((long) WIDTH * sent / events);
            err.printf("\r[%s%s] %d/%d events, %d/%d ids", "#".repeat(filled), " ".repeat(WIDTH - filled), sent, events,
                    idsSent, ids);
        }

        void done() {
            err.println();
        }
    }
}
