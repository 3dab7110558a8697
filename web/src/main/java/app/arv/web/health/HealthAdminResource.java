package app.arv.web.health;

import app.arv.platform.health.HealthReport;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;

/** The health checks with their details (versions, endpoints, errors), which the public /health/* leave out. */
@Path("admin/health")
@RequiresRole(CallerRole.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class HealthAdminResource implements ApiDescription.Admin {

    @Inject
    HealthReport report;

    @GET
    @Operation(
            summary = "Every liveness, readiness and startup check and the dependencies outside readiness (Redis, the broker), with their details; 503 when one is DOWN")
    public Response get() {
        List<CheckView> checks = report.all().stream()
                .map(entry -> new CheckView(entry.finding().name(), entry.kind(), entry.finding().up() ? "UP" : "DOWN",
                        entry.finding().details()))
                .toList();
        boolean up = checks.stream().allMatch(check -> "UP".equals(check.status()));
        return Response.status(up ? 200 : 503).entity(new HealthView(up ? "UP" : "DOWN", checks)).build();
    }

    public record HealthView(String status, List<CheckView> checks) {
    }

    public record CheckView(String name, String kind, String status, Map<String, Object> data) {
    }
}
