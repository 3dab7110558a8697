package app.arv.platform;

import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

import java.time.Duration;

/**
 * How ARV's periodic work is scheduled: every node schedules its own timers at startup, not persistent (a
 * timer the server kept across restarts would run twice beside the new one), first one interval after start.
 * Work that must run once per cluster takes a PostgreSQL advisory lock inside the timer.
 */
public final class NodeTimers {

    private NodeTimers() {
    }

    public static void every(TimerService timers, Duration interval, String name) {
        long millis = interval.toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig(name, false));
    }
}
