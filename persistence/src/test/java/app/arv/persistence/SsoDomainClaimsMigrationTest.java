package app.arv.persistence;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** V28 makes e-mail domains claims a platform admin approves; those an installation stored before keep admitting people. */
class SsoDomainClaimsMigrationTest {

    @Test
    void aDomainStoredBeforeClaimsIsApproved() throws SQLException {
        DataSource database = SchemaMigrationTest.freshDatabase();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("27").load().migrate();
        UUID organization = UUID.randomUUID();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO organization (id, name, slug, created_at, updated_at) VALUES ('" + organization
                    + "', 'Acme', 'acme', now(), now())");
            statement.execute("INSERT INTO organization_sso_domain (domain, organization_id, created_at) VALUES ('acme.example', '"
                    + organization + "', now())");
        }

        Database.flyway(database).migrate();

        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT state, claimed_by FROM organization_sso_domain WHERE domain = 'acme.example'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("state")).isEqualTo("approved");
            assertThat(row.getString("claimed_by")).isNull();
        }
    }
}
