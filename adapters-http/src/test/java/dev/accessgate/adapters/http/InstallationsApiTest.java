package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.installation.ForgeLifecycleReader;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.application.port.in.RecordForgeLifecycleUseCase;
import dev.accessgate.application.testkit.Fixtures;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /v1/installations lists Forge installations with their history. */
@MicronautTest
class InstallationsApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    RecordForgeLifecycleUseCase forge;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixture(String name, String version) {
        return (Map<String, Object>) JsonTreeReader.read(Fixtures.text(name).replace("9.0.0", version).getBytes());
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_forge_installation_shows_workspace_version_history_installer_and_upgrader() {
        forge.record(ForgeLifecycleReader.read("avi:forge:upgraded:app", fixture("lifecycle-upgraded.json", "10.0.0"),
                TestBeans.NOW));
        forge.record(ForgeLifecycleReader.read("avi:forge:installed:app", fixture("lifecycle-installed.json", "9.0.0"),
                TestBeans.NOW.minusSeconds(60)));

        HttpDriver.Reply reply = new HttpDriver(server.getURL(), json).withBearer(SecurityTestBeans.API_TOKEN)
                .get("/v1/installations");

        assertThat(reply.status()).isEqualTo(200);
        List<Map<String, Object>> installations = (List<Map<String, Object>>) reply.json().get("forge");
        assertThat(installations).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("installationId", "fff8e466-31f4-4c73-a337-c3309dd930dc")
                    .containsEntry("cloudId", "c821c30c-a2ad-47d7-b742-9fed48cfd6b9")
                    .containsEntry("context", "ari:cloud:jira::site/c821c30c-a2ad-47d7-b742-9fed48cfd6b9")
                    .containsEntry("version", "10.0.0")
                    .containsEntry("installerAccountId", "4ad9aa0c52dc1b420a791d12")
                    .containsEntry("upgraderAccountId", "4ad9aa0c52dc1b420a791d12")
                    .containsEntry("environmentId", "23863033-1de4-4ebf-b30d-c906264a1e92");
            assertThat((Map<String, Object>) i.get("app")).containsEntry("id", "406d303d-0393-4ec4-ad7c-1435be94583a")
                    .containsEntry("name", "My App Name");
            assertThat((List<Map<String, Object>>) i.get("history")).extracting(h -> h.get("event") + "@" + h.get("version"))
                    .containsExactly("avi:forge:installed:app@9.0.0", "avi:forge:upgraded:app@10.0.0");
        });
    }
}
