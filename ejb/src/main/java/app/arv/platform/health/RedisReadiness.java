package app.arv.platform.health;

import app.arv.events.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;

/** Ready only while Redis answers PING: live progress and rate limits travel through it. */
@Readiness
@ApplicationScoped
public class RedisReadiness implements DependencyCheck {

    @Inject
    RedisConnection redis;

    @Override
    public HealthFinding inspect() {
        return Probe.within("redis", () -> {
            String answer = redis.client().ping();
            Map<String, Object> details = Map.of("endpoint", redis.endpoint());
            return "PONG".equals(answer)
                    ? HealthFinding.up("redis", details)
                    : HealthFinding.down("redis", HealthFinding.FAILING, "PING answered " + answer, details);
        });
    }
}
