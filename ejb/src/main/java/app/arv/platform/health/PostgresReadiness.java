package app.arv.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;

/** Ready only while the database answers a round trip. */
@Readiness
@ApplicationScoped
public class PostgresReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/arv")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return Probe.within("postgresql", () -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid(2)) {
                    throw new IllegalStateException("the connection did not answer a validity check in 2 s");
                }
                var metaData = connection.getMetaData();
                return HealthCheckResponse.named("postgresql").up()
                        .withData("database", metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion())
                        .build();
            }
        });
    }
}
