package dev.accessgate.adapters.http.ingest;

import dev.accessgate.adapters.http.fuzz.FuzzRun;
import dev.accessgate.adapters.http.fuzz.IngestSeeds;
import dev.accessgate.adapters.http.fuzz.JsonMutator;
import dev.accessgate.adapters.http.installation.ForgeLifecycleReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of everything POST /events does before it stores: JSON reading, the three content
 * modes (structured, binary with ce-* headers, plain with ?type=), the interpretation of each
 * known type's data and Forge lifecycle payloads, on mutations of the documented fixtures.
 * Every input must be accepted or refused with a 4xx problem or a domain refusal; nothing else.
 * The real HTTP path, with storage, is {@code HttpFuzzTest}.
 */
class IngestionFuzzTest {

    /** The slice the normal build runs; scripts/reliability/fuzz.sh scales it up. */
    private static final int SLICE = 50_000;
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final SiteUrl MAPPED = SiteUrl.of("https://site_name.atlassian.net");

    private final EventInterpreter interpreter = new EventInterpreter(
            site -> site.equals(MAPPED) ? Optional.of(new WorkspaceId("mapped")) : Optional.empty());

    @Test
    void hostile_events_in_every_content_mode_are_accepted_or_refused_with_a_4xx() {
        FuzzRun run = new FuzzRun("ingestion", 9_001L, SLICE);
        JsonMutator structured = new JsonMutator(run.seed(), IngestSeeds.structured());
        JsonMutator plain = new JsonMutator(run.seed() + 1, IngestSeeds.plain());
        JsonMutator data = new JsonMutator(run.seed() + 2, IngestSeeds.data());
        for (int i = 0; i < run.inputs(); i++) {
            switch (i % 10) {
                case 0, 1, 2, 3 -> {
                    byte[] body = structured.next();
                    run.check(i, () -> "structured " + FuzzRun.show(body), () -> store(StructuredMode.read(body)));
                }
                case 4, 5, 6 -> {
                    Map<String, List<String>> headers = IngestSeeds.binaryHeaders(data);
                    byte[] body = data.next();
                    run.check(i, () -> "binary " + headers + " " + FuzzRun.show(body),
                            () -> store(BinaryMode.read(headers, body)));
                }
                default -> {
                    byte[] body = plain.next();
                    String type = plain.chance(2) ? null
                            : plain.chance(2) ? List.copyOf(new java.util.TreeSet<>(ForgeLifecycleReader.TYPES)).get(plain.below(2)) : plain.string();
                    run.check(i, () -> "plain ?type=" + type + " " + FuzzRun.show(body),
                            () -> store(PlainMode.read(body, type, NOW)));
                }
            }
        }
        run.finish();
    }

    /** What the controller does with a read event before the store: interpret it and build the record. */
    private void store(InboundEvent event) {
        if (ForgeLifecycleReader.TYPES.contains(event.type())) {
            if (!(event.data() instanceof Map<?, ?> payload)) {
                throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, "/data", "must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) payload;
            ForgeLifecycleReader.read(event.type(), fields, "/data", NOW);
        } else {
            interpreter.interpret(event);
        }
        new ReceivedEvent(new EventId(event.id()), event.type(), event.source(), event.time(), NOW,
                event.contentMode(), event.body(), event.fingerprint());
    }
}
