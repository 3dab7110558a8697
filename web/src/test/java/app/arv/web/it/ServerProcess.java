package app.arv.web.it;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Crashes a server process at a moment a test can describe. The process is frozen first (SIGSTOP): from then on it
 * finishes nothing, so what the test reads is exactly what the process held when it died — read while it still ran,
 * the process could finish that work between the look and the kill, and the test would see a different story. Then
 * it is killed (SIGKILL), as a crash or the OOM killer would.
 */
final class ServerProcess {

    /** Lets what the frozen process had already sent (a commit on its way to PostgreSQL) land before the test looks. */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private ServerProcess() {
    }

    /** Stops the process where it is; answers once what it had sent before has landed. */
    static void freeze(long pid) throws InterruptedException {
        signal("STOP", pid);
        Thread.sleep(SETTLE.toMillis());
    }

    /** Lets a frozen process go on. */
    static void thaw(long pid) throws InterruptedException {
        signal("CONT", pid);
    }

    /** What a process is working on right now, as the test reads it from outside (items, claimed mails). */
    @FunctionalInterface
    interface Holdings {
        List<String> now() throws Exception;
    }

    /**
     * Waits until the process holds work, freezes it and answers what it holds frozen: it finishes none of that any
     * more. Frozen right after finishing its work, it holds none: it is let go and watched again.
     */
    static List<String> freezeWhileHolding(long pid, Duration timeout, Holdings holdings) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!holdings.now().isEmpty()) {
                freeze(pid);
                List<String> held = holdings.now();
                if (!held.isEmpty()) {
                    return held;
                }
                thaw(pid);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("process " + pid + " held nothing within " + timeout);
    }

    /** Kills the process (frozen or not) and waits until it is gone. */
    static void kill(long pid) throws InterruptedException, ExecutionException, TimeoutException {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    private static void signal(String signal, long pid) throws InterruptedException {
        try {
            // The shell's own kill: no procps package needed.
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
