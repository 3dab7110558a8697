package app.arv.mail;

import app.arv.persistence.mail.MailOutboxRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.platform.RetentionRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every hour, sent and dead mails queued longer ago than {@code arv.mail.retention} are deleted. Their bodies may carry
 * links with tokens (invitations, password resets), so the outbox is not an archive; mails still waiting are never
 * touched.
 */
@ApplicationScoped
public class MailRetention extends RetentionRound {

    @Inject
    MailSettings settings;

    @Inject
    MailOutboxRepository outbox;

    @Override
    public ClusterLock lock() {
        return ClusterLock.MAIL_RETENTION;
    }

    @Override
    protected Optional<Duration> keepFor() {
        return settings.retention();
    }

    @Override
    protected int removeBatch(Instant before, int most) {
        return outbox.removeSettledBefore(before, most);
    }

    @Override
    protected String removedWhat(Duration keptFor) {
        return "sent or dead mails older than " + keptFor;
    }
}
