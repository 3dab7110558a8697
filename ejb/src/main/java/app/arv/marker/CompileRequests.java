package app.arv.marker;

import app.arv.messaging.ArvJms;
import app.arv.messaging.BrokerAvailability;
import app.arv.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;

import java.util.UUID;

/**
 * Asks for an organization's pending markers to be compiled. The message joins the caller's
 * transaction, so it is delivered only once the pending items are committed; whichever node's
 * MDB takes it starts the batch job.
 */
@ApplicationScoped
public class CompileRequests {

    /** The queue of compile requests; a message body is the organization id. */
    public static final String QUEUE = "arv.markers.compile";

    @Resource(lookup = ArvJms.CONNECTION_FACTORY)
    ConnectionFactory connections;

    /** @throws DomainException 503 {@code queue_unavailable} (rolling the caller's transaction back) when the broker fails the send */
    public void request(UUID organizationId) {
        try (JMSContext context = connections.createContext()) {
            context.createProducer().send(context.createQueue(QUEUE), organizationId.toString());
        } catch (JMSRuntimeException e) {
            throw BrokerAvailability.sendFailed(e);
        }
    }
}
