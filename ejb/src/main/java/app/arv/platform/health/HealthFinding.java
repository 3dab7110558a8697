package app.arv.platform.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one check found, in two forms: the public one ({@code /health/*}, anyone may read it: the name,
 * UP/DOWN and, when DOWN, a reason from a short fixed list that names no host, address or version),
 * and the details for platform admins ({@code GET /api/v1/admin/health}: versions, endpoints, the
 * underlying error).
 *
 * @param publicReason {@code unreachable}, {@code timeout}, {@code failing}… or null when UP
 */
public record HealthFinding(String name, boolean up, String publicReason, Map<String, Object> details) {

    public static final String UNREACHABLE = "unreachable";
    public static final String TIMEOUT = "timeout";
    public static final String FAILING = "failing";

    public HealthFinding {
        details = Map.copyOf(details);
    }

    public static HealthFinding up(String name, Map<String, Object> details) {
        return new HealthFinding(name, true, null, details);
    }

    public static HealthFinding down(String name, String publicReason, String detailedReason, Map<String, Object> details) {
        var all = new LinkedHashMap<>(details);
        all.put("reason", detailedReason);
        return new HealthFinding(name, false, publicReason, all);
    }

    public HealthCheckResponse publicResponse() {
        var response = HealthCheckResponse.named(name).status(up);
        if (!up && publicReason != null) {
            response.withData("reason", publicReason);
        }
        return response.build();
    }
}
