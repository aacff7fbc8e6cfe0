package ai.kaizen.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatabaseTargetTests {

    @Test
    void defaultsToTheLocalKaizenDatabase() {
        DatabaseTarget target = DatabaseTarget.fromEnvironment(Map.of());

        assertThat(target.url()).isEqualTo("jdbc:postgresql://localhost:5432/kaizen");
        assertThat(target.user()).isEqualTo("postgres");
        assertThat(target.password()).isEmpty();
        assertThat(target.createDatabase()).isTrue();
    }

    @Test
    void readsTheEnvironmentAndTreatsEmptyValuesAsUnset() {
        DatabaseTarget target = DatabaseTarget.fromEnvironment(Map.of(
                "KAIZEN_DB_URL", "jdbc:postgresql://db.internal:6432/kaizen_prod?sslmode=require",
                "KAIZEN_DB_USER", "",
                "KAIZEN_DB_PASSWORD", "s3cret",
                "KAIZEN_DB_CREATE", "false"));

        assertThat(target.url()).isEqualTo("jdbc:postgresql://db.internal:6432/kaizen_prod?sslmode=require");
        assertThat(target.user()).isEqualTo("postgres");
        assertThat(target.password()).isEqualTo("s3cret");
        assertThat(target.createDatabase()).isFalse();
        assertThat(target.databaseName()).isEqualTo("kaizen_prod");
    }

    @Test
    void maintenanceUrlPointsAtThePostgresDatabaseOfTheSameServerKeepingOptions() {
        DatabaseTarget target = new DatabaseTarget("jdbc:postgresql://db.internal:6432/kaizen?sslmode=require", "app", "", true);

        assertThat(target.maintenanceUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/postgres?sslmode=require");
        assertThat(new DatabaseTarget("jdbc:postgresql://localhost/kaizen", "app", "", true).maintenanceUrl())
                .isEqualTo("jdbc:postgresql://localhost/postgres");
    }

    @Test
    void withDatabaseKeepsServerLoginAndOptions() {
        DatabaseTarget target = new DatabaseTarget("jdbc:postgresql://h:1/kaizen?ssl=true", "app", "pw", false);

        DatabaseTarget other = target.withDatabase("kaizen_other");

        assertThat(other).isEqualTo(new DatabaseTarget("jdbc:postgresql://h:1/kaizen_other?ssl=true", "app", "pw", false));
        assertThatIllegalArgumentException().isThrownBy(() -> target.withDatabase("x\"; DROP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "postgresql://localhost:5432/kaizen",
            "jdbc:mysql://localhost:3306/kaizen",
            "jdbc:postgresql://localhost:5432/",
            "jdbc:postgresql://localhost:5432",
            "jdbc:postgresql://localhost:5432/kaizen\"; DROP DATABASE x; --",
            "jdbc:postgresql://localhost:5432/kai-zen",
            "jdbc:postgresql://localhost:5432/1kaizen",
            "jdbc:postgresql://localhost:5432/a/b",
            "jdbc:postgresql:///kaizen",
    })
    void rejectsUrlsThatAreNotPostgresWithAPlainDatabaseName(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DatabaseTarget(url, "postgres", "", true))
                .withMessageContaining("Not a PostgreSQL JDBC URL");
    }

    @Test
    void rejectsATooLongDatabaseNameAndABlankUser() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DatabaseTarget("jdbc:postgresql://localhost/" + "k".repeat(64), "postgres", "", true));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DatabaseTarget("jdbc:postgresql://localhost/kaizen", " ", "", true));
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseTarget target = new DatabaseTarget("jdbc:postgresql://localhost/kaizen", "app", "hunter2", true);

        assertThat(target.toString()).doesNotContain("hunter2").contains("***").contains("jdbc:postgresql://localhost/kaizen");
    }
}
