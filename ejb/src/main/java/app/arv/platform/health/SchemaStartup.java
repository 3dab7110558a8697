package app.arv.platform.health;

import app.arv.identity.PlatformAdminBootstrap;
import app.arv.platform.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema is migrated and the platform admin exists. */
@Startup
@ApplicationScoped
public class SchemaStartup implements HealthCheck {

    @Inject
    SchemaMigration migration;

    @Inject
    PlatformAdminBootstrap bootstrap;

    @Override
    public HealthCheckResponse call() {
        String version = migration.schemaVersion();
        boolean started = version != null && bootstrap.isDone();
        return HealthCheckResponse.named("schema").status(started)
                .withData("version", version == null ? "not migrated" : version)
                .build();
    }
}
