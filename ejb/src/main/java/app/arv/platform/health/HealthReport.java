package app.arv.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import java.util.List;

/**
 * Every health check with its details, for platform admins: Payara serves {@code /health} to anyone,
 * so the checks publish only names, UP/DOWN and a reason category there ({@link HealthFinding}).
 *
 * <p>Readiness is what every request needs: the database. Redis and the broker are dependencies reported here only:
 * a node without them still serves reads, the console and the public viewer behind printed QR codes (limits go
 * uncounted, live events pause, work that would be queued answers 503 at once). Were they readiness checks, a Redis
 * restart or a broker blip would take every node out of its load balancer at once, and all of that offline with it.
 */
@ApplicationScoped
public class HealthReport {

    /** The kind of a check that is in no /health/* answer: a dependency ARV works without, for a while. */
    static final String DEPENDENCY = "dependency";

    @Inject
    @Liveness
    DeadlockLiveness threads;

    @Inject
    @Readiness
    PostgresReadiness postgres;

    @Inject
    RedisCheck redis;

    @Inject
    ArtemisCheck artemis;

    @Inject
    @Startup
    SchemaStartup schema;

    public List<Entry> all() {
        return List.of(new Entry("liveness", threads.inspect()), new Entry("readiness", postgres.inspect()),
                new Entry(DEPENDENCY, redis.inspect()), new Entry(DEPENDENCY, artemis.inspect()),
                new Entry("startup", schema.inspect()));
    }

    /**
     * @param kind {@code liveness}, {@code readiness} or {@code startup}, as in /health/live, /ready, /started; or
     *             {@code dependency}, in none of them
     */
    public record Entry(String kind, HealthFinding finding) {
    }
}
