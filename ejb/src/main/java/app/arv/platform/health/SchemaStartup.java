package app.arv.platform.health;

import app.arv.identity.PlatformAdminBootstrap;
import app.arv.platform.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Startup;

import java.util.Map;

/** Started once the schema is migrated and the platform admin exists. */
@Startup
@ApplicationScoped
public class SchemaStartup implements DependencyCheck {

    @Inject
    SchemaMigration migration;

    @Inject
    PlatformAdminBootstrap bootstrap;

    @Override
    public HealthFinding inspect() {
        String version = migration.schemaVersion();
        boolean started = version != null && bootstrap.isDone();
        Map<String, Object> details = Map.of("version", version == null ? "not migrated" : version,
                "platform_admin", bootstrap.isDone());
        return started
                ? HealthFinding.up("schema", details)
                : HealthFinding.down("schema", "starting", version == null ? "schema not migrated yet" : "platform admin not created yet",
                        details);
    }
}
