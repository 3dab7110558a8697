package app.arv.notification;

import app.arv.persistence.notification.NotificationRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.platform.ClusterRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every hour, notifications read longer ago than {@code arv.notification.retention} are deleted. Unread ones stay
 * however old: nobody has seen them yet.
 */
@ApplicationScoped
public class NotificationRetention implements ClusterRound {

    @Inject
    NotificationRules rules;

    @Inject
    NotificationRepository notifications;

    @Override
    public ClusterLock lock() {
        return ClusterLock.NOTIFICATION_RETENTION;
    }

    @Override
    public Optional<Duration> interval() {
        return rules.keepReadFor().map(retention -> HOURLY);
    }

    @Override
    public Optional<String> run(Instant now) {
        Duration retention = rules.keepReadFor().orElseThrow();
        return ClusterRound.removed(notifications.removeReadBefore(now.minus(retention)), "notifications read over " + retention + " ago");
    }
}
