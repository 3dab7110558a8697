package app.arv.mail;

import app.arv.persistence.mail.ClaimedMail;
import app.arv.persistence.mail.MailOutboxRepository;
import app.arv.platform.ServerNode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The outbox's short transactions around a send, each committed on its own (the send itself runs outside any
 * transaction): claim due mails for this node under a lease; then record what became of each — sent, due
 * again after a back-off, or dead with its last error. A record whose claim was lost (this node's lease ran out
 * and another node took the mail over) changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    /** Public: the container's proxy of this bean must see every type its business methods return. */
    public enum Outcome {
        SENT, RETRYING, DEAD, LOST
    }

    @Inject
    MailOutboxRepository outbox;

    @Inject
    MailSettings settings;

    @Inject
    ServerNode node;

    public List<ClaimedMail> claim(int limit) {
        Instant now = Instant.now();
        return outbox.claim(now, now.plus(settings.lease()), node.name(), limit);
    }

    public Outcome sent(ClaimedMail mail) {
        if (outbox.markSent(mail, Instant.now())) {
            return Outcome.SENT;
        }
        LOG.warning(() -> "Mail " + mail.id() + " was sent, but its lease had run out and another node took it over:"
                + " the recipient may get it twice (same Message-ID)");
        return Outcome.LOST;
    }

    public Outcome failed(ClaimedMail mail, MailFailure failure) {
        Optional<Instant> retry = settings.policy().retryAfter(mail.attempt(), failure.isPermanent(), Instant.now());
        if (retry.isPresent()) {
            return outbox.retryAt(mail, retry.get(), failure.getMessage()) ? Outcome.RETRYING : Outcome.LOST;
        }
        if (!outbox.deadLetter(mail, failure.getMessage())) {
            return Outcome.LOST;
        }
        LOG.warning(() -> "Gave up on mail " + mail.id() + " after attempt " + mail.attempt() + ": " + failure.getMessage());
        return Outcome.DEAD;
    }

    public void giveBack(ClaimedMail mail) {
        outbox.giveBack(mail, Instant.now());
    }
}
