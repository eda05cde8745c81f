package dev.accessgate.adapters.http.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** The JSON of a stored event in listings (without its body), and the {@code status} parameter that filters them. */
public final class EventJson {

    private EventJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String id, String type, String time, String receivedAt, String status, String detail,
                          String cloudId) {
    }

    public static Summary summary(StoredEvent stored) {
        ReceivedEvent event = stored.event();
        return new Summary(event.id().value(), event.type(), event.time().toString(),
                event.receivedAt().toString(), status(stored), stored.detail(),
                stored.workspace().map(ws -> ws.cloudId()).orElse(null));
    }

    static String status(StoredEvent stored) {
        return stored.status().name().toLowerCase(Locale.ROOT);
    }

    /** {@code applied}, {@code stored} or {@code unprocessed} in any case; else a 400 at {@code query:status}. */
    public static StoredEvent.Status parseStatus(String text) {
        try {
            return StoredEvent.Status.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "query:status",
                    "must be applied, stored or unprocessed");
        }
    }
}
