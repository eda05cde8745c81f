package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What start-up relies on (decision 13): the build's training run serves the first requests of a
 * client, and the class-data archive scripts/run passes to the JVM can never stop the service from
 * starting: a missing archive, or one the JVM cannot use (a stale one, another JDK's), is ignored.
 */
class StartupTest {

    @TempDir
    Path dir;

    @Test
    void the_training_run_serves_an_event_a_check_and_health_then_stops() throws IOException {
        assertThat(StartupTraining.run()).isZero();
    }

    @Test
    void a_missing_or_unusable_class_data_archive_does_not_stop_the_start() throws IOException {
        Path garbage = Files.writeString(dir.resolve("stale.jsa"), "not a class-data archive");
        for (Path archive : List.of(dir.resolve("missing.jsa"), garbage)) {
            try (ServiceProcess service = new ServiceProcess(dir, Map.of("ACCESSGATE_DB",
                    dir.resolve(archive.getFileName() + ".db").toString()), List.of("-XX:SharedArchiveFile=" + archive))) {
                service.start();
                assertThat(service.awaitReady(60)).as("ready with %s", archive.getFileName()).isTrue();
                Http http = new Http(service.baseUrl(), io.micronaut.json.JsonMapper.createDefault());
                assertThat(http.post("/events", "application/json", "{\"eventType\":\"avi:jira:updated:issue\",\"issue\":{\"id\":\"1\"}}")
                        .status()).isEqualTo(200);
            }
        }
    }
}
