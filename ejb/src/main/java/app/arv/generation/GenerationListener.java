package app.arv.generation;

import app.arv.shared.Causes;
import jakarta.annotation.Resource;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Consumes one priority's queue. The message is acknowledged with the container transaction: when an
 * attempt breaks, the transaction is rolled back and the broker delivers again with back-off, then
 * parks the message on the DLQ, where {@link DeadGenerationListener} fails the item. An attempt stopped because a
 * dependency of ARV's own was away waits the outage out instead ({@link #awaitRecovery}).
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

    @Inject
    GenerationQueue queue;

    @Inject
    GenerationSteps steps;

    @Inject
    GenerationRules rules;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        GenerationQueue.ItemRef ref = GenerationQueue.itemOf(message);
        if (ref == null) {
            LOG.warning("Ignoring a message without organization and item on a generation queue");
            return;
        }
        GenerationWorker.Attempt attempt = worker.process(ref.organizationId(), ref.itemId(), ref.messageId());
        if (attempt.outage() != null) {
            awaitRecovery(message, ref, attempt);
        } else if (!attempt.acknowledged()) {
            context.setRollbackOnly();
        }
    }

    /**
     * An attempt an outage of ARV's own stopped (the object store, the database away) is tried again every
     * {@code arv.generation.outage-retry} until the outage has lasted {@code arv.generation.outage-patience}; then the item
     * fails with a reason naming it. The broker's redelivery is not used for this: its back-off (broker.properties: 5
     * deliveries, about 15 s in all) is the budget of attempts that break on the item or its provider, and an outage would
     * spend it on every item in flight or queued meanwhile, parking them all on the DLQ. Nor is its back-off lengthened
     * for generation addresses: the item's own failures would then wait minutes too, and no back-off can tell how long
     * an outage has lasted. Instead this delivery is acknowledged and the same message — the same item, the same message
     * id — is sent again with a delivery delay (JMS 2.0), carrying when the outage began ({@link #outageBegan}); the send joins this delivery's
     * transaction, so the item has exactly one of the two at any time, whichever node consumes it. The same message id
     * keeps the item's rule ({@code GenerationItem.mayBeTakenBy}): an item the stopped attempt took stays taken by that
     * message, so only its later delivery takes it again, never a second message, and it stays {@code processing}, so a
     * paid item keeps or gives back its quota count by the same rule as any item a worker took
     * ({@code GenerationItem.givesBackItsCount}). A delivery that cannot do either (the broker or the database away for
     * the send or the failure) is rolled back, and the broker's redelivery takes over as for any broken attempt.
     */
    private void awaitRecovery(Message message, GenerationQueue.ItemRef ref, GenerationWorker.Attempt attempt) {
        Instant now = Instant.now();
        Instant since = outageBegan(GenerationQueue.outageSince(message), GenerationQueue.outageSeen(message), attempt, now, rules.outageRetry());
        try {
            if (Duration.between(since, now).compareTo(rules.outagePatience()) >= 0) {
                LOG.warning(() -> "Generation item " + ref.itemId() + " waited " + rules.outagePatience() + " for the " + attempt.outage()
                        + " and fails");
                steps.outageOutlasted(ref.organizationId(), ref.itemId(), ref.messageId(), outlasted(attempt, since, rules.outagePatience()));
            } else {
                queue.sendLater(message, ref, since, now, rules.outageRetry());
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Generation item " + ref.itemId() + " could not wait for the " + attempt.outage() + " ("
                    + Causes.message(Causes.root(e)) + "); its message will be delivered again");
            context.setRollbackOnly();
        }
    }

    /**
     * When the outage that stopped {@code attempt} began: the one the message has been waiting out ({@code since}, last met
     * at {@code seen}) if this is still it, else now. It is still it when the attempt was stopped in its first steps
     * (taking the item, reading its source: the dependency never answered it), or soon after the earlier attempt met it
     * (within twice the retry's wait: this delivery followed that one's delay and met it again at once). An attempt that
     * got past its first steps and ran on longer than that had the dependency back: an outage it meets now, however short,
     * is a new one and gets the whole patience, rather than failing the item (and, for a paid provider, losing its result)
     * for the time an earlier outage lasted. The clock stays on the message rather than the item, since the database may
     * be what is away. A message from before the last meeting was kept ({@code seen} empty) counts it as {@code since}.
     */
    static Instant outageBegan(Optional<Instant> since, Optional<Instant> seen, GenerationWorker.Attempt attempt, Instant now, Duration retry) {
        return since.filter(began -> !attempt.pastFirstSteps() || !seen.orElse(began).isBefore(now.minus(retry.multipliedBy(2)))).orElse(now);
    }

    /** The reason an item fails with when an outage outlasted ARV's patience. */
    static String outlasted(GenerationWorker.Attempt attempt, Instant since, Duration patience) {
        return "The " + attempt.outage() + " was unavailable for longer than " + patience + " (since " + since
                + "), so the model was not made; retry the item. Last error: " + attempt.reason();
    }
}
