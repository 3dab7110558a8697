package app.arv.generation;

import app.arv.media.MediaStore;
import app.arv.messaging.ArvJms;
import app.arv.messaging.BrokerManagement;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationRepository;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.shared.ClusterLocks;
import app.arv.platform.ServerNode;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/** Operations' view of generation (queues, workers, disk, memory) and the clean-up of old jobs. */
@Stateless
public class GenerationAdmin {

    /** Counting stops here: a deeper queue is reported as "at least" this many. */
    static final int MAX_COUNTED = 10_000;
    private static final int CLEANUP_BATCH = 500;

    @Resource(lookup = ArvJms.CONNECTION_FACTORY)
    ConnectionFactory connections;

    @Inject
    ClusterLocks locks;

    @Inject
    GenerationRepository generations;

    @Inject
    ServerNode node;

    @Inject
    ModelProviders providers;

    @Inject
    MediaStore files;

    @Inject
    @ConfigProperty(name = "arv.data.dir")
    String dataDir;

    /** {@code consumers}: MDB sessions on the queue across all nodes, null when the broker's management does not answer. */
    public record QueueDepth(String name, long messages, boolean capped, Integer consumers) {

        QueueDepth withConsumers(OptionalInt count) {
            return new QueueDepth(name, messages, capped, count.isPresent() ? count.getAsInt() : null);
        }
    }

    /**
     * @param falCircuits the providers' circuit breakers on this node ({@link ModelProviders#circuits}): FAL's, the one
     *     provider that has any, whose name the field has kept for its clients
     */
    public record SystemInfo(String node, boolean brokerReachable, String brokerError, List<QueueDepth> queues, long deadLetters,
            long deadGenerationLetters, long workersBusy, int workersPerQueue, long diskFreeBytes,
            long diskTotalBytes, long heapUsedBytes, long heapMaxBytes, int processors,
            List<ModelProvider.Circuit> falCircuits) {
    }

    /** Queue depths are counted by browsing (the broker's management API may be closed); an unreachable broker is reported, not thrown. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SystemInfo systemInfo() {
        List<QueueDepth> queues = new ArrayList<>();
        long dead = -1;
        long deadGeneration = -1;
        String brokerError = null;
        try (JMSContext context = connections.createContext()) {
            for (String queue : List.of(GenerationQueue.HIGH, GenerationQueue.NORMAL, GenerationQueue.LOW)) {
                queues.add(depth(context, queue, null).withConsumers(BrokerManagement.consumerCount(context, queue)));
            }
            dead = depth(context, ArvJms.DEAD_LETTER_QUEUE, null).messages();
            deadGeneration = depth(context, ArvJms.DEAD_LETTER_QUEUE, GenerationQueue.DEAD_LETTER_SELECTOR).messages();
        } catch (JMSRuntimeException e) {
            brokerError = e.getMessage();
        }
        File disk = new File(dataDir);
        Runtime runtime = Runtime.getRuntime();
        return new SystemInfo(node.name(), brokerError == null, brokerError, queues, dead, deadGeneration,
                generations.countProcessingEverywhere(), GenerationListenerConfig.workers(),
                disk.getUsableSpace(), disk.getTotalSpace(), runtime.totalMemory() - runtime.freeMemory(),
                runtime.maxMemory(), runtime.availableProcessors(), providers.circuits());
    }

    private static QueueDepth depth(JMSContext context, String queue, String selector) {
        try (QueueBrowser browser = selector == null
                ? context.createBrowser(context.createQueue(queue))
                : context.createBrowser(context.createQueue(queue), selector)) {
            Enumeration<?> messages = browser.getEnumeration();
            long count = 0;
            while (messages.hasMoreElements() && count < MAX_COUNTED) {
                messages.nextElement();
                count++;
            }
            return new QueueDepth(queue, count, count == MAX_COUNTED, null);
        } catch (InvalidDestinationRuntimeException e) {
            // Queues are created on first use: one nobody has used yet holds nothing.
            return new QueueDepth(queue, 0, false, null);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage());
        }
    }

    public record Cleanup(int jobsDeleted, int itemsDeleted, int filesRetired) {
    }

    /**
     * Deletes the organization's jobs finished more than {@code olderThanHours} ago with their items;
     * models, previews and sources nothing else uses are retired through the media layer.
     */
    public Cleanup cleanup(Caller caller, int olderThanHours) {
        if (olderThanHours < 0) {
            throw DomainException.invalid("invalid_older_than_hours", "older_than_hours must not be negative");
        }
        Instant now = Instant.now();
        return retire(generations.finishedBefore(caller.organizationId(), now.minusSeconds(olderThanHours * 3600L), CLEANUP_BATCH), now);
    }

    /**
     * The retention pass over every organization: jobs finished before {@code before} go as in
     * {@link #cleanup}. Empty when another node is doing it right now.
     */
    public Cleanup retireFinishedBefore(Instant before) {
        if (!locks.tryHold(ClusterLock.GENERATION_RETENTION)) {
            return new Cleanup(0, 0, 0);
        }
        return retire(generations.finishedBeforeAcrossOrganizations(before, CLEANUP_BATCH), Instant.now());
    }

    private Cleanup retire(List<GenerationJob> jobs, Instant now) {
        int filesRetired = 0;
        int items = 0;
        for (GenerationJob job : jobs) {
            UUID org = job.getOrganizationId();
            for (GenerationItem item : generations.items(org, job.getId())) {
                filesRetired += files.releaseAll(org, OwnerKind.GENERATION_ITEM, item.getId());
                items++;
            }
            generations.delete(job);
        }
        return new Cleanup(jobs.size(), items, filesRetired);
    }
}
