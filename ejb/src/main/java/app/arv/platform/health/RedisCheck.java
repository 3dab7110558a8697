package app.arv.platform.health;

import app.arv.events.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * UP while Redis answers PING: live progress, rate limits and the sign-in throttle travel through it. Not readiness:
 * without Redis ARV still serves every request (limits uncounted, live events paused), see {@link HealthReport}.
 */
@ApplicationScoped
public class RedisCheck implements DependencyCheck {

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
