package app.arv.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationTest {

    @Test
    void migratesAnEmptyDatabaseToTheLatestVersionWithEveryTable() throws SQLException {
        DataSource empty = freshDatabase();

        MigrateResult result = Database.flyway(empty).migrate();

        assertThat(result.success).isTrue();
        assertThat(result.initialSchemaVersion).isNull();
        assertThat(result.migrationsExecuted).isEqualTo(migrationCount());
        assertThat(tables(empty)).contains("organization", "app_user", "api_key", "project");
    }

    @Test
    void aSecondMigrationOfAnUpToDateDatabaseChangesNothing() throws SQLException {
        DataSource database = freshDatabase();
        Database.flyway(database).migrate();

        MigrateResult again = Database.flyway(database).migrate();

        assertThat(again.migrationsExecuted).isZero();
    }

    @Test
    void entityMappingsAgreeWithTheMigratedSchema() {
        // Hibernate's schema validation runs while the factory is built and throws on any mismatch.
        assertThat(Database.entityManagerFactory().isOpen()).isTrue();
    }

    private static int migrationCount() {
        Flyway flyway = Database.flyway(Database.dataSource());
        return flyway.info().all().length;
    }

    static DataSource freshDatabase() throws SQLException {
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = Database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            PGSimpleDataSource created = new PGSimpleDataSource();
            String url = connection.getMetaData().getURL();
            created.setUrl(url.substring(0, url.lastIndexOf('/') + 1) + name);
            created.setUser(connection.getMetaData().getUserName());
            return created;
        }
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
