package app.arv.platform.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** A health check with a public face ({@link #call()}, served by Payara at /health) and details for admins ({@link #inspect()}). */
public interface DependencyCheck extends HealthCheck {

    HealthFinding inspect();

    @Override
    default HealthCheckResponse call() {
        return inspect().publicResponse();
    }
}
