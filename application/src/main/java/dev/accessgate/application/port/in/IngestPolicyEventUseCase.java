package dev.accessgate.application.port.in;

/** Take in a data security policy event: store it durably and apply it to the policy state. */
public interface IngestPolicyEventUseCase {

    /** Returns only once the event and its effect are committed. */
    IngestResult ingest(IngestPolicyEventCommand command);
}
