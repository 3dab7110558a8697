package app.arv.mail;

import app.arv.persistence.mail.ClaimedMail;
import app.arv.platform.NodeTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every node's sender: each {@code arv.mail.poll-interval} it claims due mails (a few at a time, until none is
 * due) and sends them one by one outside any transaction. Nodes never send one mail twice while its lease runs
 * ({@link OutboxDelivery#claim}); a mail is given back unsent when too little of its lease is left for a send to
 * finish inside it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailWorker {

    private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());
    private static final int BATCH = 10;
    /** One round sends at most this many batches; the next poll goes on (a zero back-off must not spin forever). */
    private static final int MOST_BATCHES_PER_ROUND = 50;

    @Resource
    TimerService timers;

    @Inject
    MailSettings settings;

    @Inject
    OutboxDelivery delivery;

    @Inject
    SmtpSender sender;

    @Inject
    MetricRegistry metrics;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        if (!settings.sends()) {
            LOG.warning("ARV_SMTP_HOST is not set: mails are queued in the outbox but not sent");
            return;
        }
        // A sender, security, retry or lease setting that cannot work fails the deployment, not every mail later.
        settings.check();
        NodeTimers.every(timers, settings.pollInterval(), "mail-outbox");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        // A round that outlasts the interval (a slow server, a long queue) is not joined by the next one.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Map<OutboxDelivery.Outcome, Integer> round = deliverDue();
            if (!round.isEmpty()) {
                LOG.fine(() -> "Mail round: " + round);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail round failed; the next one tries again", e);
        } finally {
            running.set(false);
        }
    }

    /** Sends every mail due now; what became of them. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<OutboxDelivery.Outcome, Integer> deliverDue() {
        Map<OutboxDelivery.Outcome, Integer> outcomes = new EnumMap<>(OutboxDelivery.Outcome.class);
        List<ClaimedMail> claimed = delivery.claim(BATCH);
        for (int batch = 1; !claimed.isEmpty(); batch++) {
            for (ClaimedMail mail : claimed) {
                if (Instant.now().plus(settings.longestSend()).isAfter(mail.leaseUntil())) {
                    delivery.giveBack(mail);
                    continue;
                }
                OutboxDelivery.Outcome outcome = attempt(mail);
                metrics.counter("arv_mail_attempts", new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))).inc();
                outcomes.merge(outcome, 1, Integer::sum);
            }
            claimed = batch < MOST_BATCHES_PER_ROUND ? delivery.claim(BATCH) : List.of();
        }
        return outcomes;
    }

    private OutboxDelivery.Outcome attempt(ClaimedMail mail) {
        try {
            sender.send(mail);
        } catch (MailFailure failure) {
            return delivery.failed(mail, failure);
        }
        // From here until sent() commits is the at-least-once window: a node dying now leaves the mail to be sent
        // again after its lease, with the same Message-ID.
        return delivery.sent(mail);
    }
}
