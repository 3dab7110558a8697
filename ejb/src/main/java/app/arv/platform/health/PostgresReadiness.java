package app.arv.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;

/** Ready only while the database answers a round trip. */
@Readiness
@ApplicationScoped
public class PostgresReadiness implements DependencyCheck {

    @Resource(lookup = "jdbc/arv")
    DataSource dataSource;

    @Override
    public HealthFinding inspect() {
        return Probe.within("postgresql", () -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid(2)) {
                    throw new IllegalStateException("the connection did not answer a validity check in 2 s");
                }
                var metaData = connection.getMetaData();
                // The URL without its query: a password may be given there.
                return HealthFinding.up("postgresql", Map.of(
                        "database", metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion(),
                        "url", metaData.getURL().replaceFirst("\\?.*", "")));
            }
        });
    }
}
