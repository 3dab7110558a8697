package app.arv.generation;

import jakarta.annotation.Resource;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.logging.Logger;

/**
 * Consumes one priority's queue. The message is acknowledged with the container transaction: when an
 * attempt breaks, the transaction is rolled back and the broker delivers again with back-off, then
 * parks the message on the DLQ, where {@link DeadGenerationListener} fails the item.
 * One subclass per queue, because an MDB's destination is fixed by its annotation.
 */
public abstract class GenerationListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(GenerationListener.class.getName());

    /**
     * Concurrent models per priority queue on one node, from the environment variable of
     * {@code arv.generation.workers} (Payara resolves it when the MDB is deployed).
     */
    static final String WORKERS = "${ENV=ARV_GENERATION_WORKERS:2}";

    @Inject
    GenerationWorker worker;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        GenerationQueue.ItemRef ref = GenerationQueue.itemOf(message);
        if (ref == null) {
            LOG.warning("Ignoring a message without organization and item on a generation queue");
            return;
        }
        if (!worker.process(ref.organizationId(), ref.itemId(), ref.messageId())) {
            context.setRollbackOnly();
        }
    }
}
