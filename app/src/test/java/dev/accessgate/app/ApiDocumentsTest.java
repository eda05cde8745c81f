package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.HttpDriver;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document generated from the controllers is the one checked in, and the service serves it. */
class ApiDocumentsTest {

    private static final Path CHECKED_IN = Path.of("../docs/openapi.yml");

    @TempDir
    Path dir;

    private static String generated() throws IOException {
        try (InputStream in = ApiDocumentsTest.class.getClassLoader()
                .getResourceAsStream("META-INF/swagger/accessgate-1.yml")) {
            assertThat(in).as("micronaut-openapi wrote the document while compiling adapters-http").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_checked_in_openapi_document_is_the_generated_one() throws IOException {
        assertThat(Files.readString(CHECKED_IN))
                .as("docs/openapi.yml is out of date with the controllers: run scripts/refresh-api-docs and commit it")
                .isEqualTo(generated());
    }

    @Test
    void the_service_serves_it_without_a_token() throws IOException {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("accessgate.db", dir.resolve("docs.db").toString(), "micronaut.server.port", -1))) {
            HttpDriver.Reply reply = new HttpDriver(server.getURL(),
                    server.getApplicationContext().getBean(JsonMapper.class)).get("/openapi.yml");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/yaml");
            assertThat(reply.body()).isEqualTo(generated())
                    .contains("/v1/workspaces/{cloudId}/objects/{product}/{type}/{id}:", "/events:");
        }
    }
}
