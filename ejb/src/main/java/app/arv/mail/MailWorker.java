package app.arv.mail;

import app.arv.persistence.mail.ClaimedMail;
import app.arv.platform.ApplicationMetric;
import app.arv.platform.LeasedRounds;
import app.arv.platform.LeasedWork;
import app.arv.platform.NodeTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Every node's sender: each {@code arv.mail.poll-interval} it claims due mails (a few at a time, until none is
 * due) and sends them one by one outside any transaction ({@link LeasedRounds}). Nodes never send one mail twice
 * while its lease runs ({@link OutboxDelivery#claim}); a mail is given back unsent when too little of its lease is
 * left for a send to finish inside it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailWorker {

    private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());

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

    private final LeasedRounds<ClaimedMail, OutboxDelivery.Outcome> rounds = new LeasedRounds<>(LOG, "Mail", OutboxDelivery.Outcome.class, new Outbox());

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
        rounds.poll();
    }

    /** Sends every mail due now; what became of them. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<OutboxDelivery.Outcome, Integer> deliverDue() {
        return rounds.drain();
    }

    /** The outbox as leased work: sending a mail over SMTP. */
    private final class Outbox implements LeasedWork<ClaimedMail, OutboxDelivery.Outcome> {

        @Override
        public List<ClaimedMail> claim(int most) {
            return delivery.claim(most);
        }

        @Override
        public Instant leaseUntil(ClaimedMail mail) {
            return mail.leaseUntil();
        }

        @Override
        public Duration longestAttempt() {
            return settings.longestSend();
        }

        @Override
        public void giveBack(ClaimedMail mail) {
            delivery.giveBack(mail);
        }

        @Override
        public OutboxDelivery.Outcome attempt(ClaimedMail mail) {
            OutboxDelivery.Outcome outcome = send(mail);
            ApplicationMetric.MAIL_ATTEMPTS.counter(metrics, new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))).inc();
            return outcome;
        }

        private OutboxDelivery.Outcome send(ClaimedMail mail) {
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
}
