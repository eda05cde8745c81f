package dev.accessgate.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

    @Test
    void a_libpq_url_becomes_a_jdbc_url_and_credentials() {
        PostgresSettings settings = PostgresSettings.parse("postgresql://app:s%40cret+1@db.internal:6543/gate?sslmode=require", 7);

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/gate?sslmode=require");
        assertThat(settings.user()).contains("app");
        assertThat(settings.password()).contains("s@cret+1");
        assertThat(settings.poolSize()).isEqualTo(7);
    }

    @Test
    void a_jdbc_url_is_taken_as_it_is_and_no_form_shows_the_password_when_printed() {
        PostgresSettings jdbc = PostgresSettings.parse("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true", 10);
        PostgresSettings libpq = PostgresSettings.parse("postgres://u:hunter2@h/db", 10);

        assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true");
        assertThat(jdbc.user()).isEqualTo(Optional.empty());
        assertThat(jdbc.toString()).doesNotContain("hunter2").contains("password=***&ssl=true");
        assertThat(libpq.toString()).doesNotContain("hunter2").contains("u@jdbc:postgresql://h/db");
    }

    @Test
    void what_is_not_a_postgresql_url_is_refused_without_repeating_it() {
        assertThat(PostgresSettings.isPostgres("./accessgate.db")).isFalse();
        assertThatThrownBy(() -> PostgresSettings.parse("postgresql://u:pw@/db", 10))
                .hasMessage("the PostgreSQL URL names no host");
        assertThatThrownBy(() -> PostgresSettings.parse("postgresql://u:p w@h/db", 10))
                .hasMessageNotContaining("p w");
        assertThatThrownBy(() -> PostgresSettings.parse("postgresql://h/db", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
