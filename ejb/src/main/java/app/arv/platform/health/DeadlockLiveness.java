package app.arv.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Alive unless threads are deadlocked: the one state a process never leaves by itself and that
 * only a restart cures. Dependencies being down is a readiness matter, not a reason to restart.
 */
@Liveness
@ApplicationScoped
public class DeadlockLiveness implements DependencyCheck {

    private static final Logger LOG = Logger.getLogger(DeadlockLiveness.class.getName());

    /** A deadlock never ends by itself: its stacks are logged once, not on every probe. */
    private volatile long[] lastReported;

    @Override
    public HealthFinding inspect() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        if (deadlocked == null) {
            return HealthFinding.up("threads", Map.of("live", threads.getThreadCount()));
        }
        ThreadInfo[] infos = threads.getThreadInfo(deadlocked, true, true);
        String names = Arrays.stream(infos).map(ThreadInfo::getThreadName).collect(Collectors.joining(", "));
        if (!Arrays.equals(deadlocked, lastReported)) {
            lastReported = deadlocked;
            LOG.severe(() -> "deadlocked threads:\n" + Arrays.stream(infos).map(DeadlockLiveness::withWholeStack)
                    .collect(Collectors.joining("\n")));
        }
        return HealthFinding.down("threads", "deadlocked", "deadlocked: " + names, Map.of("live", threads.getThreadCount()));
    }

    /** ThreadInfo.toString() cuts the stack after eight frames: too few to see who took which lock. */
    private static String withWholeStack(ThreadInfo info) {
        StringBuilder text = new StringBuilder("\"" + info.getThreadName() + "\" waiting for " + info.getLockName()
                + " held by \"" + info.getLockOwnerName() + "\"\n");
        for (StackTraceElement frame : info.getStackTrace()) {
            text.append("    at ").append(frame).append('\n');
        }
        return text.toString();
    }
}
