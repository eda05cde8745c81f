package dev.accessgate.application.port.out;

/**
 * What an observer keeps open while one event or one delivery attempt is handled (a log
 * context, say); closed on the same thread, always, whatever happened.
 */
@FunctionalInterface
public interface ObservationScope extends AutoCloseable {

    /** Keeps nothing open. */
    ObservationScope NONE = () -> { };

    @Override
    void close();
}
