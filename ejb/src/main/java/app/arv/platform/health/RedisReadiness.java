package app.arv.platform.health;

import app.arv.events.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Redis answers PING: live progress and rate limits travel through it. */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    RedisConnection redis;

    @Override
    public HealthCheckResponse call() {
        return Probe.within("redis", () -> {
            String answer = redis.client().ping();
            return HealthCheckResponse.named("redis").status("PONG".equals(answer))
                    .withData("endpoint", redis.endpoint())
                    .build();
        });
    }
}
