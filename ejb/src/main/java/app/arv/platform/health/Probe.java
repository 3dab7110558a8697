package app.arv.platform.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one dependency check with a deadline and turns any failure into a DOWN response that says
 * why. A dependency that hangs (a pool waiting for a dead database) must not hang the probe.
 */
final class Probe {

    static final long DEADLINE_SECONDS = 3;

    /** Daemon threads of our own: a stuck check must not occupy the server's request or managed threads. */
    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "arv-health-check");
        thread.setDaemon(true);
        return thread;
    });

    private Probe() {
    }

    static HealthCheckResponse within(String name, Callable<HealthCheckResponse> check) {
        CompletableFuture<HealthCheckResponse> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return check.call();
            } catch (Exception e) {
                throw new CompletionFailure(e);
            }
        }, CHECKS);
        try {
            return outcome.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            return down(name, "no answer within " + DEADLINE_SECONDS + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionFailure failure ? failure.getCause() : e.getCause();
            return down(name, reason(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(name, "interrupted");
        }
    }

    static HealthCheckResponse down(String name, String reason) {
        return HealthCheckResponse.named(name).down().withData("reason", reason).build();
    }

    /** The innermost message is usually the one that names the real problem ("Connection refused"). */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return failure == root || failure.getMessage() == null ? message : failure.getMessage() + ": " + message;
    }

    private static final class CompletionFailure extends RuntimeException {
        CompletionFailure(Exception cause) {
            super(cause);
        }
    }
}
