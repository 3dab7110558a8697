package app.arv.platform.health;

import app.arv.platform.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Startup;

import java.util.LinkedHashMap;
import java.util.Map;

/** Started once the schema is migrated and every feature's {@link StartupWork} (the platform admin's creation) is done. */
@Startup
@ApplicationScoped
public class SchemaStartup implements DependencyCheck {

    @Inject
    SchemaMigration migration;

    @Inject
    Instance<StartupWork> works;

    @Override
    public HealthFinding inspect() {
        String version = migration.schemaVersion();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version == null ? "not migrated" : version);
        String pending = version == null ? "schema not migrated yet" : null;
        for (StartupWork work : works) {
            details.put(work.name(), work.isDone());
            if (pending == null && !work.isDone()) {
                pending = work.pendingReason();
            }
        }
        return pending == null
                ? HealthFinding.up("schema", details)
                : HealthFinding.down("schema", "starting", pending, details);
    }
}
