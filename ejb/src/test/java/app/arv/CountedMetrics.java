package app.arv;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The metric registry as far as the services use it — counters, kept in memory (the platform's registry needs a
 * server) — for {@link ServiceBeans#with}; a test reads what was counted with {@link #count}.
 */
public final class CountedMetrics {

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final MetricRegistry registry = (MetricRegistry) Proxy.newProxyInstance(CountedMetrics.class.getClassLoader(),
            new Class<?>[]{MetricRegistry.class}, (proxy, method, args) -> {
                if (!method.getName().equals("counter")) {
                    throw new UnsupportedOperationException(method.toString());
                }
                // Registered by name, or with metadata (ApplicationMetric: the name and its description).
                String name = args[0] instanceof Metadata metadata ? metadata.getName() : (String) args[0];
                // A tagged counter is kept under its name and tags, e.g. "arv_logins_refused[reason=password]".
                String key = args.length > 1 && args[1] instanceof Tag[] tags && tags.length > 0 ? name + Arrays.toString(tags) : name;
                return counter(counters.computeIfAbsent(key, n -> new AtomicLong()));
            });

    public MetricRegistry registry() {
        return registry;
    }

    public long count(String counter) {
        return counters.getOrDefault(counter, new AtomicLong()).get();
    }

    private static Counter counter(AtomicLong count) {
        return new Counter() {
            @Override
            public void inc() {
                count.incrementAndGet();
            }

            @Override
            public void inc(long n) {
                count.addAndGet(n);
            }

            @Override
            public long getCount() { return count.get(); }
        };
    }
}
