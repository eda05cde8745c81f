package dev.accessgate.app;

import dev.accessgate.adapters.http.ConnectJwts;
import dev.accessgate.adapters.http.HttpDriver;
import dev.accessgate.domain.policy.AccessPolicyState;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspacePolicy;
import io.micronaut.json.JsonMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, part 1: accessgate in a separate JVM takes a stream of events from several sender
 * threads and is {@code kill -9}ed at random points, several times; each time it is started
 * again on the same file, and the senders resend everything that was not acknowledged (plus
 * some that were, as Atlassian does). At the end, through the HTTP API only, every event is
 * stored exactly once, the ledger is the one the domain computes from the sent stream, every
 * migration transfer holds exactly its messages, and every delivery succeeded, with no handler
 * call repeated beyond what the lost in-flight attempts explain (at most the worker's
 * concurrency per crash). The handler is a recorder in this JVM, idempotent by delivery id.
 *
 * <p>Run a CI-sized slice with {@code CrashSafetyTest}; a long run with
 * {@code scripts/reliability/crash.sh}.
 */
final class CrashHarness {

    private static final Logger LOG = LoggerFactory.getLogger(CrashHarness.class);
    private static final String BASE_URL = "https://gateway.example.com";
    private static final String CLIENT = "crash-client";
    private static final String SECRET = "crash-shared-secret-0123456789abcdefghij";
    private static final int DELIVERY_CONCURRENCY = 4;

    /** How big a run is. */
    record Settings(long seed, int events, int crashes, int senders) {
    }

    /** What a run did and checked. */
    record Report(long seed, int crashesSurvived, int eventsSent, int eventsChecked, long posts, int resent,
                  int duplicatesAnswered, int objectsChecked, int containersChecked, int transfersChecked,
                  int deliveriesChecked, int handlerCallsRepeated, long millis) {
        String summary() {
            return ("crash harness (seed %d): %d kill -9 survived; %d events sent in %d POSTs (%d retried after no"
                    + " answer or a 503, %d answered duplicate); checked %d events stored once,"
                    + " %d blocked objects + %d containers against the domain, %d migration transfers,"
                    + " %d deliveries succeeded (%d handler calls repeated after a crash); %d ms")
                    .formatted(seed, crashesSurvived, eventsSent, posts, resent, duplicatesAnswered, eventsChecked,
                            objectsChecked, containersChecked, transfersChecked, deliveriesChecked,
                            handlerCallsRepeated, millis);
        }
    }

    private final Settings settings;
    private final Path dir;
    private final JsonMapper json = JsonMapper.createDefault();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicInteger resent = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger acknowledgedSinceStart = new AtomicInteger();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    CrashHarness(Settings settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
    }

    Report run() throws Exception {
        long started = System.nanoTime();
        CrashStream stream = CrashStream.generate(settings.seed(), settings.events());
        RecordingHandler recorder = RecordingHandler.start(Map.of("/handle", Duration.ZERO));
        Path config = dir.resolve("crash-subscriptions.yml");
        Files.writeString(config, """
                accessgate:
                  subscriptions:
                    - name: crash-recorder
                      events: ["avi:jira:*:issue", "avi:ecosystem.app_policy:*"]
                      handler:
                        url: %s
                        timeout: 3s
                """.formatted(recorder.url("/handle")));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ACCESSGATE_CONFIG", config.toString());
        env.put("ACCESSGATE_DB", dir.resolve("crash.db").toString());
        env.put("ACCESSGATE_BASE_URL", BASE_URL);
        env.put("ACCESSGATE_CONNECT_ALLOW_UNSIGNED_INSTALLS", "true");
        env.put("ACCESSGATE_DELIVERY_CONCURRENCY", Integer.toString(DELIVERY_CONCURRENCY));
        env.put("ACCESSGATE_DELIVERY_LEASE_MARGIN", "1s");
        try (ServiceProcess service = new ServiceProcess(dir, env)) {
            HttpDriver atlassian = new HttpDriver(URI.create(service.baseUrl()).toURL(), json);
            HttpDriver api = atlassian.withBearer(Http.API_TOKEN);
            startReady(service);
            install(atlassian);
            String migrationJwt = "JWT " + ConnectJwts.sign(json, new ConnectJwts.Request("POST",
                    BASE_URL + "/migration/events", BASE_URL, SECRET, CLIENT, Instant.now(), 6 * 3600));

            BlockingDeque<CrashStream.Outgoing> queue = new LinkedBlockingDeque<>(withRedeliveries(stream));
            // Sends not yet answered 200 (or failed for good): zero when the stream is through.
            AtomicInteger remaining = new AtomicInteger(queue.size());
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < settings.senders(); s++) {
                Thread sender = new Thread(() -> send(atlassian, migrationJwt, queue, remaining), "crash-sender-" + s);
                sender.start();
                senders.add(sender);
            }
            Random random = new Random(settings.seed() ^ 0x5DEECE66DL);
            int perLife = Math.max(1, queue.size() / (settings.crashes() + 1));
            for (int crash = 1; crash <= settings.crashes(); crash++) {
                // A random point: after some acknowledgements in this life, then a few milliseconds more.
                int after = perLife / 2 + random.nextInt(perLife);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (acknowledgedSinceStart.get() < after && remaining.get() > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(50));
                service.kill();
                LOG.info("crash {}: killed after {} acknowledgements in this life", crash, acknowledgedSinceStart.get());
                acknowledgedSinceStart.set(0);
                startReady(service);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (remaining.get() > 0 && System.nanoTime() < deadline && failures.isEmpty()) {
                Thread.sleep(20);
            }
            senders.forEach(Thread::interrupt);
            for (Thread sender : senders) {
                sender.join(10_000);
            }
            check(failures.isEmpty(), "senders: " + failures);
            check(recorder.problems().isEmpty(), "handler: " + recorder.problems());
            check(remaining.get() == 0, remaining.get() + " sends never acknowledged");

            Checks checks = new Checks(api, stream);
            int eventsChecked = checks.eventsStoredOnce();
            int[] ledger = checks.ledgerEqualsTheDomains();
            int transfers = checks.transfers();
            int deliveries = checks.deliveries(recorder);
            return new Report(settings.seed(), settings.crashes(), stream.events().size(), eventsChecked, posts.get(),
                    resent.get(), duplicates.get(), ledger[0], ledger[1], transfers, deliveries, checks.repeated,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            recorder.close();
        }
    }

    private static void startReady(ServiceProcess service) {
        service.start();
        check(service.awaitReady(120), "accessgate did not become ready; see " + service.log(service.starts()));
    }

    /** Maps the v1 site to its cloudId and gives the migration JWTs their shared secret. */
    private static void install(HttpDriver atlassian) {
        HttpDriver.Reply installed = atlassian.post("/connect/installed", "application/json", """
                {"key":"%s","clientKey":"%s","sharedSecret":"%s","baseUrl":"%s","cloudId":"%s","eventType":"installed"}"""
                .formatted(CrashStream.APP_KEY, CLIENT, SECRET, CrashStream.SITE_URL, CrashStream.SITE_CLOUD_ID));
        check(installed.status() == 204, "install: " + installed.status() + " " + installed.body());
    }

    /** The stream, shuffled, with one event in twenty sent again later (Atlassian's at-least-once). */
    private List<CrashStream.Outgoing> withRedeliveries(CrashStream stream) {
        Random random = new Random(settings.seed());
        List<CrashStream.Outgoing> all = new ArrayList<>(stream.events());
        for (CrashStream.Outgoing event : stream.events()) {
            if (random.nextInt(20) == 0) {
                all.add(event);
            }
        }
        Collections.shuffle(all, random);
        return all;
    }

    private void send(HttpDriver atlassian, String migrationJwt, BlockingDeque<CrashStream.Outgoing> queue,
                      AtomicInteger remaining) {
        while (!Thread.currentThread().isInterrupted()) {
            CrashStream.Outgoing event;
            try {
                event = queue.poll(50, TimeUnit.MILLISECONDS);
                if (event == null) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                posts.incrementAndGet();
                HttpDriver.Reply reply = event.kind() == CrashStream.Kind.MIGRATION
                        ? atlassian.post(event.path(), event.contentType(), event.body().getBytes(StandardCharsets.UTF_8),
                                "Authorization", migrationJwt)
                        : atlassian.post(event.path(), event.contentType(), event.body());
                if (reply.status() == 200) {
                    remaining.decrementAndGet();
                    acknowledged.add(event.eventId());
                    acknowledgedSinceStart.incrementAndGet();
                    if (reply.json() != null && "duplicate".equals(reply.json().get("status"))) {
                        duplicates.incrementAndGet();
                    }
                } else if (reply.status() == 503) {
                    retryLater(queue, event); // storage unavailable: nothing stored, send again
                } else {
                    remaining.decrementAndGet();
                    failures.add(event.eventId() + " answered " + reply.status() + " " + reply.body());
                }
            } catch (UncheckedIOException | IllegalStateException killedOrDown) {
                retryLater(queue, event); // no answer: it may or may not be stored; Atlassian sends again
            }
        }
    }

    private void retryLater(BlockingDeque<CrashStream.Outgoing> queue, CrashStream.Outgoing event) {
        resent.incrementAndGet();
        queue.addLast(event);
        try {
            Thread.sleep(100); // the service may be down: do not spin
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** The checks after the last restart, all through the HTTP API. */
    private final class Checks {

        private final HttpDriver api;
        private final CrashStream stream;
        int repeated;

        Checks(HttpDriver api, CrashStream stream) {
            this.api = api;
            this.stream = stream;
        }

        /** Pages through a listing; {@code key} names the array. */
        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> all(String path, String key) {
            List<Map<String, Object>> items = new ArrayList<>();
            String cursor = null;
            do {
                String sep = path.contains("?") ? "&" : "?";
                HttpDriver.Reply page = api.get(path + sep + "limit=1000"
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
                check(page.status() == 200, path + ": " + page.status() + " " + page.body());
                items.addAll((List<Map<String, Object>>) page.json().get(key));
                cursor = (String) page.json().get("nextCursor");
            } while (cursor != null);
            return items;
        }

        /** Every event listed exactly once, and every policy event applied (v1 through the site's install). */
        int eventsStoredOnce() {
            Map<String, Integer> stored = new HashMap<>();
            Map<String, Object> status = new HashMap<>();
            for (Map<String, Object> event : all("/v1/events", "events")) {
                stored.merge((String) event.get("id"), 1, Integer::sum);
                status.put((String) event.get("id"), event.get("status"));
            }
            Set<String> sent = new TreeSet<>();
            stream.events().forEach(e -> sent.add(e.eventId()));
            check(acknowledged.equals(sent), "acknowledged " + acknowledged.size() + " of " + sent.size());
            List<String> twice = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            check(twice.isEmpty(), "stored more than once: " + twice);
            check(stored.keySet().equals(sent), "stored " + stored.size() + " events, sent " + sent.size()
                    + "; missing " + difference(sent, stored.keySet()) + ", unexpected " + difference(stored.keySet(), sent));
            for (CrashStream.Outgoing event : stream.events()) {
                if (event.policy().isPresent()) {
                    check("applied".equals(status.get(event.eventId())), event.eventId() + ": " + status.get(event.eventId()));
                }
            }
            return sent.size();
        }

        /** Blocked objects and containers of every workspace, compared with the domain's state. */
        int[] ledgerEqualsTheDomains() {
            AccessPolicyState expected = new AccessPolicyState();
            stream.events().forEach(e -> e.policy().ifPresent(expected::apply));
            int objects = 0;
            int containers = 0;
            for (String cloudId : stream.workspaces()) {
                WorkspacePolicy policy = expected.workspace(new WorkspaceId(cloudId))
                        .orElse(new WorkspacePolicy(new WorkspaceId(cloudId)));
                Map<String, String> want = new TreeMap<>();
                policy.blockedObjects().forEach((ref, block) -> want.put(ref.product().name() + "/" + ref.type() + "/"
                        + ref.id(), block.at() + " " + block.eventId().value()));
                Map<String, String> got = new TreeMap<>();
                for (Map<String, Object> o : all("/v1/workspaces/" + cloudId + "/objects", "objects")) {
                    String key = o.get("product") + "/" + o.get("type") + "/" + o.get("id");
                    check(got.put(key, Instant.parse((String) o.get("blockedAt")) + " " + o.get("eventId")) == null,
                            cloudId + ": listed twice: " + key);
                }
                check(got.equals(want), cloudId + ": ledger differs from the domain's: " + diff(want, got));
                objects += got.size();

                Map<String, String> wantContainers = new TreeMap<>();
                policy.blockedContainers().forEach((ref, block) -> wantContainers.put(ref.product().name() + "/"
                        + ref.id(), block.at() + " " + block.eventId().value()));
                Map<String, String> gotContainers = new TreeMap<>();
                HttpDriver.Reply listed = api.get("/v1/workspaces/" + cloudId + "/containers");
                check(listed.status() == 200, cloudId + " containers: " + listed.status());
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> items = (List<Map<String, Object>>) listed.json().get("containers");
                for (Map<String, Object> c : items) {
                    gotContainers.put(c.get("product") + "/" + c.get("id"),
                            Instant.parse((String) c.get("blockedAt")) + " " + c.get("eventId"));
                }
                check(gotContainers.equals(wantContainers), cloudId + ": containers differ: "
                        + diff(wantContainers, gotContainers));
                containers += gotContainers.size();
            }
            return new int[] {objects, containers};
        }

        @SuppressWarnings("unchecked")
        int transfers() {
            Map<String, List<CrashStream.MigrationMessage>> transfers = stream.transfers();
            for (Map.Entry<String, List<CrashStream.MigrationMessage>> transfer : transfers.entrySet()) {
                HttpDriver.Reply reply = api.get("/v1/migrations/transfers/" + transfer.getKey());
                check(reply.status() == 200, transfer.getKey() + ": " + reply.status());
                Map<String, Object> state = reply.json();
                List<CrashStream.MigrationMessage> sent = transfer.getValue();
                check(Boolean.valueOf(sent.stream().anyMatch(m -> m.eventType().equals("listener-triggered")))
                        .equals(state.get("listenerTriggered")), transfer.getKey() + " listenerTriggered: " + state);
                check(Boolean.valueOf(sent.stream().anyMatch(m -> m.eventType().equals("transfer-settled")))
                        .equals(state.get("settled")), transfer.getKey() + " settled: " + state);
                Set<String> wantKeys = new TreeSet<>();
                sent.stream().filter(m -> m.s3Key() != null).forEach(m -> wantKeys.add(m.s3Key()));
                List<String> gotKeys = ((List<Map<String, Object>>) state.get("uploads")).stream()
                        .map(u -> (String) u.get("s3Key")).toList();
                check(gotKeys.size() == wantKeys.size() && wantKeys.equals(new TreeSet<>(gotKeys)),
                        transfer.getKey() + " uploads " + gotKeys + ", sent " + wantKeys);
                check(((List<Object>) state.get("events")).size() == sent.size(),
                        transfer.getKey() + ": " + ((List<Object>) state.get("events")).size() + " events recorded, "
                                + sent.size() + " sent");
            }
            return transfers.size();
        }

        /**
         * Waits until no delivery is pending or retrying, then: one delivery per delivered event,
         * every one succeeded and seen by the handler, and repeated calls only as many as crashes
         * can explain (a killed process loses at most its running attempts).
         */
        int deliveries(RecordingHandler handler) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline && (!listed("pending").isEmpty() || !listed("retrying").isEmpty())) {
                Thread.sleep(200);
            }
            List<Map<String, Object>> deliveries = all("/v1/deliveries", "deliveries");
            Map<String, String> deliveryOfEvent = new HashMap<>();
            for (Map<String, Object> d : deliveries) {
                check("succeeded".equals(d.get("state")), "delivery not succeeded: " + d);
                check(deliveryOfEvent.put((String) d.get("eventId"), (String) d.get("id")) == null,
                        "two deliveries of event " + d.get("eventId"));
                AtomicInteger calls = handler.callsByDelivery().get((String) d.get("id"));
                check(calls != null, "the handler never saw delivery " + d);
                check(d.get("eventId").equals(handler.eventOf((String) d.get("id"))), "wrong event for " + d);
                repeated += calls.get() - 1;
            }
            Set<String> wanted = new TreeSet<>();
            stream.events().stream().filter(CrashStream.Outgoing::delivered).forEach(e -> wanted.add(e.eventId()));
            check(deliveryOfEvent.keySet().equals(wanted), "deliveries for " + deliveryOfEvent.size() + " events, wanted "
                    + wanted.size() + "; missing " + difference(wanted, deliveryOfEvent.keySet()));
            check(deliveryOfEvent.values().containsAll(handler.callsByDelivery().keySet()),
                    "the handler saw deliveries that are not listed");
            check(repeated <= settings.crashes() * DELIVERY_CONCURRENCY, repeated + " repeated handler calls after "
                    + settings.crashes() + " crashes (at most " + DELIVERY_CONCURRENCY + " attempts run at once)");
            return deliveries.size();
        }

        @SuppressWarnings("unchecked")
        private List<Object> listed(String state) {
            HttpDriver.Reply reply = api.get("/v1/deliveries?state=" + state + "&limit=1");
            check(reply.status() == 200, "deliveries " + state + ": " + reply.status());
            return (List<Object>) reply.json().get("deliveries");
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest.size() > 20 ? Set.copyOf(new ArrayList<>(rest).subList(0, 20)) : rest;
    }

    private static String diff(Map<String, String> want, Map<String, String> got) {
        Map<String, String> d = new TreeMap<>();
        want.forEach((k, v) -> {
            if (!v.equals(got.get(k))) {
                d.put(k, "want " + v + ", got " + got.get(k));
            }
        });
        got.forEach((k, v) -> {
            if (!want.containsKey(k)) {
                d.put(k, "unexpected " + v);
            }
        });
        return d.size() > 20 ? new TreeMap<>(d).headMap(new ArrayList<>(d.keySet()).get(20)).toString() : d.toString();
    }
}
