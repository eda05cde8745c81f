package dev.accessgate.adapters.http.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The acknowledgement of {@code POST /events}.
 *
 * @param status       {@code applied} (new, applied to the policy state), {@code stored} (new,
 *                     kept for subscriptions), {@code unprocessed} (new, not understood by this
 *                     version, kept to reprocess) or {@code duplicate} (seen before, nothing changed)
 * @param newlyBlocked objects or containers that were not blocked before (new events only)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResponse(String id, String type, String status, Integer newlyBlocked) {
}
