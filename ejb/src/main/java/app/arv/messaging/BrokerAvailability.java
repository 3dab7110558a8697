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
 * non-transactional health factory. What the broker last said is kept, recorded when the round trip ends (however long
 * it took), and refreshed in the background: a request does not wait for the broker while it answered within
 * {@code arv.queue.check-trust} (it only starts the next round trip), so a broker that is up but slow (a node under
 * heavy load) is not taken for one that is away. A request waits, up to {@code arv.queue.check-timeout}, only when
 * nothing that recent is known; it is refused at once when the last round trip failed (within
 * {@code arv.queue.check-reuse}), or when one has been going on for longer than the timeout without an answer (a frozen
 * broker). Concurrent callers share one round trip in flight, so an outage costs one stuck probe, not one per request.
 * A broker that stops answering between two round trips fails the sends of the requests let through meanwhile
 * ({@link #sendFailed}): the same 503, and their transaction rolls back.
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

    @Inject
    @ConfigProperty(name = "arv.queue.check-trust", defaultValue = "PT5S")
    Duration checkTrust;

    @Resource(lookup = ArvJms.HEALTH_CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource
    ManagedExecutorService executor;

    /** The last round trip that ended, whenever that was. */
    private Answer last;
    private CompletableFuture<String> inFlight;
    private long inFlightSinceNanos;

    /**
     * Asks the broker once as the application starts ({@link BrokerWarmUp}). The first round trip opens the health
     * factory's connection, which takes seconds on a node still busy starting; the first request that needs the broker
     * would otherwise wait for it past {@code arv.queue.check-timeout} and be refused (seen in the suite, whose first
     * generation came within seconds of the deployment).
     */
    public void askAtStart() {
        synchronized (this) {
            if (inFlight == null) {
                probe(System.nanoTime());
            }
        }
    }

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
            long now = System.nanoTime();
            boolean probing = inFlight != null && !inFlight.isDone();
            if (last != null && now - last.atNanos < checkReuse.toNanos()) {
                return last.problem;
            }
            if (last != null && last.problem == null && now - last.atNanos < checkTrust.toNanos()) {
                if (!probing) {
                    probe(now); // refreshed in the background; this request does not wait for it
                }
                return null;
            }
            if (probing && now - inFlightSinceNanos > checkTimeout.toNanos()) {
                return "the broker has not answered for " + TimeUnit.NANOSECONDS.toMillis(now - inFlightSinceNanos) + " ms";
            }
            probe = probing ? inFlight : probe(now);
        }
        try {
            return probe.get(checkTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "the broker did not answer within " + checkTimeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            return "the broker could not be reached: " + innermostMessage(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            return "the broker could not be asked: " + innermostMessage(e);
        }
    }

    /** Starts a round trip, whose answer is recorded when it ends (also when nobody waits for it any more). */
    private CompletableFuture<String> probe(long now) {
        inFlightSinceNanos = now;
        inFlight = CompletableFuture.supplyAsync(this::roundTrip, executor);
        inFlight.whenComplete((problem, failure) -> {
            synchronized (this) {
                last = new Answer(failure == null ? problem : "the broker could not be reached: " + innermostMessage(failure),
                        System.nanoTime());
            }
        });
        return inFlight;
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
    public static String innermostMessage(Throwable error) {
        return Causes.message(Causes.root(error));
    }

    private record Answer(String problem, long atNanos) {
    }
}
