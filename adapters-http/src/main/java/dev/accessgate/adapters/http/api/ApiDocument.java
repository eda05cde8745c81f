package dev.accessgate.adapters.http.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The head of the OpenAPI document that micronaut-openapi writes from the controllers at compile
 * time (served at {@code /openapi.yml}, copied to {@code docs/openapi.yml}). docs/api.md is the
 * prose reference.
 */
@OpenAPIDefinition(info = @Info(title = "accessgate", version = "1",
        description = "The app-side gateway between Atlassian Cloud and a Marketplace app's own data: events in"
                + " (POST /events, Connect callbacks, migration webhooks), access policy state out (/v1). /v1"
                + " needs the API token as a bearer token. Errors are RFC 9457 application/problem+json.",
        license = @License(name = "see the repository")))
@SecurityScheme(name = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "ACCESSGATE_API_TOKEN, or the token file next to the database")
final class ApiDocument {

    private ApiDocument() {
    }
}
