package app.arv.platform.health;

import app.arv.messaging.ArtemisReadinessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import java.util.List;

/**
 * Every health check with its details, for platform admins: Payara serves {@code /health} to anyone,
 * so the checks publish only names, UP/DOWN and a reason category there ({@link HealthFinding}).
 */
@ApplicationScoped
public class HealthReport {

    @Inject
    @Liveness
    DeadlockLiveness threads;

    @Inject
    @Readiness
    PostgresReadiness postgres;

    @Inject
    @Readiness
    RedisReadiness redis;

    @Inject
    @Readiness
    ArtemisReadinessCheck artemis;

    @Inject
    @Startup
    SchemaStartup schema;

    public List<Entry> all() {
        return List.of(new Entry("liveness", threads.inspect()), new Entry("readiness", postgres.inspect()),
                new Entry("readiness", redis.inspect()), new Entry("readiness", artemis.inspect()),
                new Entry("startup", schema.inspect()));
    }

    /** @param kind {@code liveness}, {@code readiness} or {@code startup}, as in /health/live, /ready, /started */
    public record Entry(String kind, HealthFinding finding) {
    }
}
