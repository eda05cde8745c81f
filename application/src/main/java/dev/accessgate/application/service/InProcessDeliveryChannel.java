package dev.accessgate.application.service;

import dev.accessgate.application.port.out.DeliveryChannel;
import dev.accessgate.application.port.out.EventHandler;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.FailureKind;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an in-process {@link EventHandler} with a timeout. The handler runs on a thread of
 * {@code executor} so that the worker can stop waiting: a handler that overruns is interrupted
 * and the attempt is {@code FUNCTION_TIME_OUT} (a handler that ignores interrupts keeps its
 * thread until it returns; its late result is ignored).
 */
public final class InProcessDeliveryChannel implements DeliveryChannel {

    private final EventHandler handler;
    private final Duration timeout;
    private final ExecutorService executor;

    /** Calls {@code handler} on {@code executor}, interrupting it after {@code timeout}. */
    public InProcessDeliveryChannel(EventHandler handler, Duration timeout, ExecutorService executor) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public AttemptResult deliver(Invocation invocation) {
        EventHandler.Event event = new EventHandler.Event(invocation.deliveryId(), invocation.eventId(),
                invocation.eventType(), invocation.subscription(), invocation.eventJson(), invocation.retryContext());
        Future<EventHandler.Result> running = executor.submit(() -> handler.handle(event));
        try {
            return toAttemptResult(running.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            running.cancel(true);
            return new AttemptResult.Failed(FailureKind.TIMED_OUT, "no result within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, "interrupted: accessgate is stopping");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError) {
                return new AttemptResult.Failed(FailureKind.OUT_OF_MEMORY, "OutOfMemoryError");
            }
            return new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
    }

    static AttemptResult toAttemptResult(EventHandler.Result result) {
        if (result == null) {
            return new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, "the handler returned null");
        }
        if (result instanceof EventHandler.Result.Retry retry) {
            return new AttemptResult.RetryRequested(retry.options());
        }
        if (result instanceof EventHandler.Result.PermanentFailure failure) {
            return new AttemptResult.PermanentFailure(failure.detail());
        }
        return new AttemptResult.Succeeded();
    }
}
