package dev.accessgate.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event from the moment it starts: the root logger at its production level (INFO)
 * and accessgate's own loggers at TRACE, so that a secret logged at any level shows up.
 */
final class LogCapture {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ((Logger) LoggerFactory.getLogger("dev.accessgate")).setLevel(Level.TRACE);
        capture.appender.setContext(root.getLoggerContext());
        capture.appender.start();
        root.addAppender(capture.appender);
        return capture;
    }

    /** Every event as text: level, logger, message with its arguments, log context, and any stack trace. */
    List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                    + (e.getMDCPropertyMap().isEmpty() ? "" : " " + e.getMDCPropertyMap())
                    + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                    .toList();
        }
    }

    /** The events themselves, with their log context (MDC). */
    List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** Stops capturing. */
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
    }

    String all() {
        return String.join("\n", lines());
    }
}
