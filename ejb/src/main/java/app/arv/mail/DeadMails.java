package app.arv.mail;

import app.arv.persistence.mail.MailOutboxRepository;
import app.arv.persistence.mail.MailStatus;
import app.arv.persistence.mail.OutboxMail;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Mails the outbox gave up on, for the people who can fix why: an org admin sees and resends the organization's, a
 * platform admin everyone's (and those of no organization yet, sign-up verifications). After an SMTP outage longer
 * than the retry policy, or a recipient's server refusing for a while, a resend is how the mail still goes out —
 * retention deletes dead mails after {@code arv.mail.retention}.
 */
@Stateless
public class DeadMails {

    @Inject
    MailOutboxRepository outbox;

    public Page<OutboxMail> list(Caller caller, PageRequest page) {
        return outbox.dead(caller.visibleOrganizations().narrowedTo(), page);
    }

    /**
     * @return the mail, queued again and due at once
     * @throws DomainException 404 for a mail the caller may not see; 409 {@code mail_not_dead} for one that is not
     *                         dead (sent, still queued, or resent already)
     */
    public OutboxMail resend(Caller caller, UUID id) {
        OutboxMail mail = visible(caller, id).orElseThrow(() -> DomainException.notFound("Mail"));
        if (!outbox.resend(mail.getId(), Instant.now())) {
            throw DomainException.conflict("mail_not_dead", "Mail " + id + " is not dead: it was sent, is queued, or was resent already");
        }
        outbox.refreshLocked(mail);
        return mail;
    }

    /** How the outbox stands across organizations: mails per status, and since when the oldest queued one waits. */
    public Outbox outbox() {
        Map<MailStatus, Long> counts = outbox.countByStatus();
        return new Outbox(counts.get(MailStatus.QUEUED), counts.get(MailStatus.SENT), counts.get(MailStatus.DEAD),
                outbox.oldestQueued().orElse(null));
    }

    private Optional<OutboxMail> visible(Caller caller, UUID id) {
        return outbox.find(id).filter(m -> caller.visibleOrganizations().include(m.getOrganizationId()));
    }

    /** @param oldestQueuedAt null when nothing waits */
    public record Outbox(long queued, long sent, long dead, Instant oldestQueuedAt) {
    }
}
