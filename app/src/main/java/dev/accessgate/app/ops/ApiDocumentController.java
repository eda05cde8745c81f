package dev.accessgate.app.ops;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yml} (public): the OpenAPI document micronaut-openapi wrote from the
 * controllers at build time. docs/openapi.yml is the same file, checked in.
 */
@Controller
final class ApiDocumentController {

    static final String RESOURCE = "META-INF/swagger/accessgate-1.yml";

    private final byte[] document;

    ApiDocumentController() {
        try (InputStream in = ApiDocumentController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            document = in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    HttpResponse<byte[]> openApi() {
        return document == null ? HttpResponse.notFound() : HttpResponse.ok(document);
    }
}
