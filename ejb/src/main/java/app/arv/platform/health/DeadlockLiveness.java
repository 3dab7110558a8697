package app.arv.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Alive unless threads are deadlocked: the one state a process never leaves by itself and that
 * only a restart cures. Dependencies being down is a readiness matter, not a reason to restart.
 */
@Liveness
@ApplicationScoped
public class DeadlockLiveness implements DependencyCheck {

    @Override
    public HealthFinding inspect() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        if (deadlocked == null) {
            return HealthFinding.up("threads", Map.of("live", threads.getThreadCount()));
        }
        String names = Arrays.stream(threads.getThreadInfo(deadlocked))
                .map(ThreadInfo::getThreadName).collect(Collectors.joining(", "));
        return HealthFinding.down("threads", "deadlocked", "deadlocked: " + names, Map.of("live", threads.getThreadCount()));
    }
}
