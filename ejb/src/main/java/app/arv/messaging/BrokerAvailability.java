package app.arv.messaging;

import app.arv.shared.Causes;
import app.arv.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Asks whether the broker answers before a request starts work that ends in a queue message, so a request
 * that needs the broker fails fast (503 {@code queue_unavailable} with Retry-After) with nothing stored,
 * instead of blocking in a send or a two-phase commit while the broker is unreachable or frozen.
 *
 * <p>The question is a JMS round trip (a temporary queue, which the broker must answer) through the
 * non-transactional health factory, bounded by {@code arv.queue.check-timeout}. Its answer is reused for
 * {@code arv.queue.check-reuse}, and concurrent callers share one round trip in flight, so an outage costs
 * one stuck probe, not one per request.
 */
@ApplicationScoped
public class BrokerAvailability {

    private static final Logger LOG = Logger.getLogger(BrokerAvailability.class.getName());
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    @Inject
    @ConfigProperty(name = "arv.queue.check-timeout", defaultValue = "PT2S")
    Duration checkTimeout;

    @Inject
    @ConfigProperty(name = "arv.queue.check-reuse", defaultValue = "PT0.2S")
    Duration checkReuse;

    @Resource(lookup = ArvJms.HEALTH_CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource
    ManagedExecutorService executor;

    private Answer last;
    private CompletableFuture<String> inFlight;

    /** @throws DomainException 503 {@code queue_unavailable} when the broker does not answer in time */
    public void require() {
        String problem = problem();
        if (problem != null) {
            // The reason is for operators (and readiness); the client learns what to do.
            LOG.warning(() -> "Refusing work that needs the broker: " + problem);
            throw DomainException.queueUnavailable("The job queue is unavailable right now; nothing was stored, try again shortly",
                    RETRY_AFTER);
        }
    }

    /** A send the broker failed (it went away after the check): the same answer, and the transaction rolls back. */
    public static DomainException sendFailed(RuntimeException failure) {
        LOG.warning(() -> "A queue message could not be sent: " + innermostMessage(failure));
        return DomainException.queueUnavailable("The job queue is unavailable right now; nothing was stored, try again shortly",
                RETRY_AFTER);
    }

    /** Null when the broker answered a round trip recently or now, else why not. */
    String problem() {
        CompletableFuture<String> probe;
        synchronized (this) {
            if (last != null && System.nanoTime() - last.atNanos < checkReuse.toNanos()) {
                return last.problem;
            }
            if (inFlight == null || inFlight.isDone()) {
                inFlight = CompletableFuture.supplyAsync(this::roundTrip, executor);
            }
            probe = inFlight;
        }
        String problem;
        try {
            problem = probe.get(checkTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            problem = "the broker did not answer within " + checkTimeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            problem = "the broker could not be reached: " + innermostMessage(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        } catch (RuntimeException e) {
            problem = "the broker could not be asked: " + innermostMessage(e);
        }
        synchronized (this) {
            last = new Answer(problem, System.nanoTime());
        }
        return problem;
    }

    private String roundTrip() {
        try (JMSContext context = connectionFactory.createContext()) {
            // A request the broker must answer; the adapter deletes the queue on close.
            context.createTemporaryQueue();
            return null;
        } catch (RuntimeException e) {
            return "the broker could not be reached: " + innermostMessage(e);
        }
    }

    /** The innermost useful message: JMS and JCA wrap the broker's reason several times. */
    static String innermostMessage(Throwable error) {
        return Causes.message(Causes.root(error));
    }

    private record Answer(String problem, long atNanos) {
    }
}
