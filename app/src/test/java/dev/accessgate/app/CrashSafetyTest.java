package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CI-sized slice of the crash harness ({@link CrashHarness}): a few {@code kill -9}s under
 * load. {@code scripts/reliability/crash.sh} runs the same test with more crashes and events
 * through the system properties {@code accessgate.crash.crashes}, {@code .events},
 * {@code .senders} and {@code .seed} (a failing seed reproduces the same stream).
 */
class CrashSafetyTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashSafetyTest.class);

    @TempDir
    Path dir;

    @Test
    void kill_9_under_load_loses_nothing_and_doubles_nothing() throws Exception {
        CrashHarness.Settings settings = new CrashHarness.Settings(
                Long.getLong("accessgate.crash.seed", System.nanoTime()),
                Integer.getInteger("accessgate.crash.events", 600),
                Integer.getInteger("accessgate.crash.crashes", 3),
                Integer.getInteger("accessgate.crash.senders", 4));
        LOG.info("crash harness: {}", settings);
        CrashHarness.Report report = new CrashHarness(settings, dir).run();
        LOG.info(report.summary());
        Path out = Path.of("target", "crash-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.summary() + System.lineSeparator());

        assertThat(report.crashesSurvived()).isEqualTo(settings.crashes());
        assertThat(report.eventsChecked()).isEqualTo(report.eventsSent());
        assertThat(report.resent()).as("a kill under load leaves sends unanswered").isPositive();
    }
}
