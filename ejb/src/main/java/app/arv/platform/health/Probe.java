package app.arv.platform.health;

import app.arv.shared.Causes;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one dependency check with a deadline and turns any failure into a DOWN finding that says
 * why (in detail for admins, as a category for everyone). A dependency that hangs (a pool waiting for a dead database) must not hang the probe.
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

    static HealthFinding within(String name, Callable<HealthFinding> check) {
        CompletableFuture<HealthFinding> outcome = CompletableFuture.supplyAsync(() -> {
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
            return HealthFinding.down(name, HealthFinding.TIMEOUT, "no answer within " + DEADLINE_SECONDS + " s", Map.of());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionFailure failure ? failure.getCause() : e.getCause();
            return HealthFinding.down(name, category(cause), reason(cause), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthFinding.down(name, HealthFinding.FAILING, "interrupted", Map.of());
        }
    }

    /** The public word for a failure: an I/O failure anywhere in the chain means the dependency could not be reached. */
    static String category(Throwable failure) {
        Optional<Throwable> telling = Causes.of(failure).filter(c -> c instanceof IOException || c instanceof TimeoutException)
                .findFirst();
        if (telling.isPresent()) {
            return telling.get() instanceof IOException ? HealthFinding.UNREACHABLE : HealthFinding.TIMEOUT;
        }
        String reason = reason(failure).toLowerCase(Locale.ROOT);
        return reason.contains("connect") || reason.contains("refused") ? HealthFinding.UNREACHABLE : HealthFinding.FAILING;
    }

    /** The innermost message is usually the one that names the real problem ("Connection refused"). */
    static String reason(Throwable failure) {
        Throwable root = Causes.root(failure);
        String message = Causes.message(root);
        return failure == root || failure.getMessage() == null ? message : failure.getMessage() + ": " + message;
    }

    private static final class CompletionFailure extends RuntimeException {
        CompletionFailure(Exception cause) {
            super(cause);
        }
    }
}
