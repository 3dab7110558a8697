package app.arv.mail;

import app.arv.persistence.mail.MailOutboxRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.platform.ClusterRound;
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
public class MailRetention implements ClusterRound {

    @Inject
    MailSettings settings;

    @Inject
    MailOutboxRepository outbox;

    @Override
    public ClusterLock lock() {
        return ClusterLock.MAIL_RETENTION;
    }

    @Override
    public Optional<Duration> interval() {
        return settings.retention().map(retention -> HOURLY);
    }

    @Override
    public Optional<String> run(Instant now) {
        Duration retention = settings.retention().orElseThrow();
        int removed = outbox.removeSettledBefore(now.minus(retention));
        return ClusterRound.removed(removed, "sent or dead mails older than " + retention);
    }
}
