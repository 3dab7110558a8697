package app.arv.platform.health;

import app.arv.messaging.ArvJms;
import app.arv.messaging.BrokerAvailability;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Dependency check "artemis" (not readiness: without the broker ARV still serves everything but the work it would
 * queue, which answers 503 {@code queue_unavailable} at once — see {@link HealthReport}): UP when the broker at ARTEMIS_URL answers a JMS round trip through the
 * resource adapter, DOWN with the reason otherwise (publicly only its category; the URL and the
 * broker's message for platform admins). Answers within 3 s and follows the broker
 * going away and coming back (no caching, no restart of ARV needed).
 *
 * <p>Two steps: a plain TCP connect first, which fails in milliseconds with the operating system's
 * reason ("Connection refused") when nothing listens; then a temporary queue created through the
 * adapter's pooled connection factory, which proves the broker speaks JMS and that the adapter's
 * pooled connections work again after a broker restart.
 */
@ApplicationScoped
public class ArtemisCheck implements DependencyCheck {

    static final String NAME = "artemis";
    private static final int CONNECT_TIMEOUT_MS = 1000;
    private static final long ROUND_TRIP_TIMEOUT_MS = 2500;
    /** The whole check answers within this, whatever the broker does. */
    private static final long DEADLINE_MS = 2900;

    @Inject
    @ConfigProperty(name = ArvJms.ARTEMIS_URL, defaultValue = ArvJms.DEFAULT_ARTEMIS_URL)
    String artemisUrl;

    @Resource(lookup = ArvJms.HEALTH_CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource
    ManagedExecutorService executor;

    @Override
    public HealthFinding inspect() {
        long started = System.nanoTime();
        Map<String, Object> details = Map.of("url", publicUrl());
        String problem = tcpProblem();
        if (problem != null) {
            return HealthFinding.down(NAME, HealthFinding.UNREACHABLE, problem, details);
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        problem = jmsProblem(Math.max(100, Math.min(ROUND_TRIP_TIMEOUT_MS, DEADLINE_MS - elapsedMs)));
        if (problem != null) {
            return HealthFinding.down(NAME, problem.contains("did not answer") ? HealthFinding.TIMEOUT : HealthFinding.FAILING,
                    problem, details);
        }
        return HealthFinding.up(NAME, details);
    }

    /** Null when something accepts TCP connections at ARTEMIS_URL, else why not. */
    private String tcpProblem() {
        URI uri;
        try {
            uri = URI.create(artemisUrl);
        } catch (IllegalArgumentException e) {
            return "ARTEMIS_URL is not a URL: " + publicUrl();
        }
        if (uri.getHost() == null || uri.getPort() <= 0) {
            return "ARTEMIS_URL must look like tcp://host:port, got " + publicUrl();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
            return null;
        } catch (IOException e) {
            return "cannot connect to " + publicUrl() + ": " + BrokerAvailability.innermostMessage(e);
        }
    }

    /** Null when a JMS round trip through the resource adapter succeeds in time, else why not. */
    private String jmsProblem(long timeoutMs) {
        Future<?> roundTrip = executor.submit(() -> {
            try (JMSContext context = connectionFactory.createContext()) {
                // Creating a temporary queue is a request the broker must answer; the adapter deletes it on close.
                context.createTemporaryQueue();
            }
            return null;
        });
        try {
            roundTrip.get(timeoutMs, TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            roundTrip.cancel(true);
            return "broker at " + publicUrl() + " did not answer within " + timeoutMs + " ms";
        } catch (ExecutionException e) {
            return "JMS round trip to " + publicUrl() + " failed: " + BrokerAvailability.innermostMessage(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            // e.g. the executor rejected the task during shutdown
            return "JMS round trip to " + publicUrl() + " failed: " + BrokerAvailability.innermostMessage(e);
        }
    }

    /** ARTEMIS_URL without credentials (tcp://user:password@host:port): health output is public. */
    private String publicUrl() {
        return artemisUrl.replaceFirst("//[^/@]*@", "//");
    }
}
