package dev.accessgate.adapters.http.migration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The Connect descriptor fragment that declares the migration webhook: the platform calls
 * {@code baseUrl} (or each {@code regionBaseUrls} entry) + {@code migrationWebhookPath}.
 * <pre>{@code {"baseUrl": "https://app.example.com", "cloudAppMigration": {"migrationWebhookPath": "/migration/events"}}}</pre>
 */
public final class ConnectDescriptor {

    public static final String MIGRATION_WEBHOOK_PATH = MigrationWebhookController.PATH;

    private ConnectDescriptor() {
    }

    /** The fragment as pretty JSON, with {@code baseUrl} when one is given. */
    public static String fragment(Optional<String> baseUrl) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            if (baseUrl.isPresent()) {
                json.writeStringField("baseUrl", baseUrl.get());
            }
            json.writeObjectFieldStart("cloudAppMigration");
            json.writeStringField("migrationWebhookPath", MIGRATION_WEBHOOK_PATH);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The absolute URL of the webhook under {@code baseUrl} (a trailing slash is not doubled). */
    public static String webhookUrl(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + MIGRATION_WEBHOOK_PATH;
    }
}
