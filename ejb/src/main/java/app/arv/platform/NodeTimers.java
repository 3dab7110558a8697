package app.arv.platform;

import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How ARV's periodic work is scheduled: every node schedules its own timers at startup, not persistent (a
 * timer the server kept across restarts would run twice beside the new one), first one interval after start.
 * Work that must run once per cluster is a {@link ClusterRound} or takes its {@code ClusterLock} itself (persistence's ClusterLocks). A
 * round that fails (the database or Redis away) is logged and left to the next one ({@link #round}).
 */
public final class NodeTimers {

    private NodeTimers() {
    }

    /** @throws IllegalStateException for an interval under a millisecond: such a timer fires once and never again */
    public static void every(TimerService timers, Duration interval, String name) {
        long millis = interval.toMillis();
        if (millis < 1) {
            throw new IllegalStateException("The " + name + " timer needs a positive interval, got " + interval);
        }
        timers.createIntervalTimer(millis, millis, new TimerConfig(name, false));
    }

    /** Runs one round of periodic work: a failure is logged as {@code what} "round failed", and the next round tries again. */
    public static void round(Logger log, String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, what + " round failed; the next one tries again", e);
        }
    }
}
