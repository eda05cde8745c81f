package dev.accessgate.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * The service's logging, in code rather than in a logback.xml: parsing XML and setting properties
 * by reflection was 0.1 s of every start (docs/benchmarks.md). Found by logback through
 * {@code META-INF/services}; {@code -Dlogback.configurationFile=...} still wins.
 * {@code ACCESSGATE_LOG_FORMAT}: {@code text} (default, for people) or {@code json} (one JSON object
 * a line, for log pipelines), read like logback.xml read it: logger context property, system
 * property, environment variable.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    static final String FORMAT = "ACCESSGATE_LOG_FORMAT";
    /** The log context (eventId, workspace, deliveryId, subscription) in braces when there is one. */
    static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%replace( {%mdc}){' \\{\\}', ''}%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // Logback's own status lines (which appender, which level) stay out of the service's log.
        context.getStatusManager().add(new NopStatusListener());
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder("json".equals(format(context)) ? json(context) : text(context));
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static String format(LoggerContext context) {
        String format = context.getProperty(FORMAT);
        if (format == null) {
            format = System.getProperty(FORMAT, System.getenv(FORMAT));
        }
        return format == null ? "text" : format.strip();
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    /** timestamp (epoch ms), level, threadName, loggerName, mdc, formattedMessage, throwable. */
    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMDC(true);
        encoder.start();
        return encoder;
    }
}
