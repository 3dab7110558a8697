package app.arv.generation.fal;

import app.arv.generation.ModelProvider.Circuit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The state of {@link FalClient}'s circuit breakers on this node, read from the metrics MicroProfile
 * Fault Tolerance keeps for them. The standard metrics give, per state, the time spent in it so far
 * (the current state's time included): the state whose time grows between two readings is the one
 * the breaker is in.
 */
@ApplicationScoped
public class FalCircuits {

    private static final String STATE_TIME = "ft.circuitbreaker.state.total";
    private static final String OPENED = "ft.circuitbreaker.opened.total";
    private static final List<String> GUARDED_CALLS = List.of("submit", "get");

    @Inject
    @RegistryScope(scope = MetricRegistry.BASE_SCOPE)
    MetricRegistry base;

    public List<Circuit> circuits() {
        List<Circuit> circuits = new ArrayList<>();
        for (String call : GUARDED_CALLS) {
            String method = FalClient.class.getName() + "." + call;
            Map<String, Long> before = stateTimes(method);
            if (before.isEmpty()) {
                // Fault tolerance registers the metrics on the first call: never called means never opened.
                circuits.add(new Circuit(call, "closed", 0));
                continue;
            }
            Map<String, Long> after = stateTimes(method);
            String state = after.entrySet().stream()
                    .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), Long.MAX_VALUE))
                    .map(e -> "halfOpen".equals(e.getKey()) ? "half_open" : e.getKey())
                    .findFirst().orElse("unknown");
            circuits.add(new Circuit(call, state, opened(method)));
        }
        return circuits;
    }

    private Map<String, Long> stateTimes(String method) {
        @SuppressWarnings("rawtypes") // MetricRegistry.getGauges hands out raw Gauges
        SortedMap<MetricID, Gauge> gauges = base.getGauges((id, metric) -> STATE_TIME.equals(id.getName())
                && method.equals(id.getTags().get("method")));
        Map<String, Long> times = new HashMap<>();
        gauges.forEach((id, gauge) -> times.put(id.getTags().get("state"), gauge.getValue().longValue()));
        return times;
    }

    private long opened(String method) {
        SortedMap<MetricID, Counter> counters = base.getCounters((id, metric) -> OPENED.equals(id.getName())
                && method.equals(id.getTags().get("method")));
        return counters.values().stream().mapToLong(Counter::getCount).sum();
    }
}
