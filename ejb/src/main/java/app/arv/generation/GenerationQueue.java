package app.arv.generation;

import app.arv.messaging.ArvJms;
import app.arv.messaging.BrokerAvailability;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One message per item on its priority's queue. Sent through the transactional factory, so the
 * message joins the caller's JTA transaction: delivered only if the item rows commit, and never
 * without them. Each message has its own id ({@value #MESSAGE_PROPERTY}): a worker takes an item only with a message
 * that may take it ({@code GenerationItem.mayBeTakenBy}), so a second message of an item (the reaper's re-send) never
 * makes its model twice.
 */
@ApplicationScoped
public class GenerationQueue {

    public static final String HIGH = "arv.generation.high";
    public static final String NORMAL = "arv.generation.normal";
    public static final String LOW = "arv.generation.low";

    /** Marks ARV's generation messages so the dead-letter listener takes only those from the shared DLQ. */
    public static final String KIND_PROPERTY = "arvKind";
    public static final String KIND = "generation";
    public static final String DEAD_LETTER_SELECTOR = KIND_PROPERTY + " = '" + KIND + "'";
    static final String ORGANIZATION_PROPERTY = "organizationId";
    static final String ITEM_PROPERTY = "itemId";
    static final String MESSAGE_PROPERTY = "messageId";
    /** When the outage a message waits out began (epoch milliseconds); absent on a message that waits for none. */
    static final String OUTAGE_SINCE_PROPERTY = "outageSince";
    /** When an attempt of the message last met that outage (epoch milliseconds); absent on a message that waits for none. */
    static final String OUTAGE_SEEN_PROPERTY = "outageSeen";

    @Resource(lookup = ArvJms.CONNECTION_FACTORY)
    ConnectionFactory connections;

    public static String queueOf(GenerationPriority priority) {
        return "arv.generation." + priority.name().toLowerCase(Locale.ROOT);
    }

    /** @throws DomainException 503 {@code queue_unavailable} (rolling the caller's transaction back) when the broker fails the send */
    public void send(GenerationItem item, GenerationPriority priority) {
        try (JMSContext context = connections.createContext()) {
            request(context, new ItemRef(item.getOrganizationId(), item.getId(), UUID.randomUUID()))
                    .send(context.createQueue(queueOf(priority)), item.getId().toString());
        } catch (JMSRuntimeException e) {
            throw BrokerAvailability.sendFailed(e);
        }
    }

    /**
     * Sends {@code message} (a generation request, about {@code ref}) again to its own queue, to be delivered after
     * {@code delay}: the same item and the same message id, so its worker may take the item it took before again
     * ({@code GenerationItem.mayBeTakenBy}), when the outage it waits out began and when an attempt last met it. Joins the caller's transaction:
     * sent only if the delivery in hand is acknowledged with it, so the item always has exactly one of the two.
     *
     * @throws DomainException 503 {@code queue_unavailable} when the broker fails the send
     */
    public void sendLater(Message message, ItemRef ref, Instant outageSince, Instant outageSeen, Duration delay) {
        try (JMSContext context = connections.createContext()) {
            request(context, ref).setDeliveryDelay(delay.toMillis())
                    .setProperty(OUTAGE_SINCE_PROPERTY, outageSince.toEpochMilli())
                    .setProperty(OUTAGE_SEEN_PROPERTY, outageSeen.toEpochMilli())
                    .send(message.getJMSDestination(), ref.itemId().toString());
        } catch (JMSException e) {
            throw BrokerAvailability.sendFailed(new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e));
        } catch (JMSRuntimeException e) {
            throw BrokerAvailability.sendFailed(e);
        }
    }

    /** A producer of generation requests about {@code ref}: the properties {@link #itemOf} reads back. */
    private static JMSProducer request(JMSContext context, ItemRef ref) {
        JMSProducer producer = context.createProducer()
                .setProperty(KIND_PROPERTY, KIND)
                .setProperty(ORGANIZATION_PROPERTY, ref.organizationId().toString())
                .setProperty(ITEM_PROPERTY, ref.itemId().toString());
        return ref.messageId() == null ? producer : producer.setProperty(MESSAGE_PROPERTY, ref.messageId().toString());
    }

    /** When the outage {@code message} waits out began, or empty for a message that waits for none. */
    public static Optional<Instant> outageSince(Message message) {
        return instant(message, OUTAGE_SINCE_PROPERTY);
    }

    /** When an attempt of {@code message} last met the outage it waits out, or empty (none, or sent before this was kept). */
    public static Optional<Instant> outageSeen(Message message) {
        return instant(message, OUTAGE_SEEN_PROPERTY);
    }

    private static Optional<Instant> instant(Message message, String property) {
        try {
            return message.propertyExists(property) ? Optional.of(Instant.ofEpochMilli(message.getLongProperty(property))) : Optional.empty();
        } catch (JMSException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Which item a message is about, or {@code null} for a message that is not a generation request. */
    public static ItemRef itemOf(Message message) {
        try {
            String org = message.getStringProperty(ORGANIZATION_PROPERTY);
            String item = message.getStringProperty(ITEM_PROPERTY);
            String id = message.getStringProperty(MESSAGE_PROPERTY);
            return org == null || item == null
                    ? null
                    : new ItemRef(UUID.fromString(org), UUID.fromString(item), id == null ? null : UUID.fromString(id));
        } catch (JMSException | IllegalArgumentException e) {
            return null;
        }
    }

    /** @param messageId the message's own id; null for a message sent before messages had one */
    public record ItemRef(UUID organizationId, UUID itemId, UUID messageId) {
    }
}
