package app.arv.notification;

import app.arv.persistence.notification.NotificationRepository;
import app.arv.persistence.notification.OccurrenceMarkRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.platform.ClusterRound;
import app.arv.platform.RetentionRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every hour, notifications read longer ago than {@code arv.notification.retention} are deleted. Unread ones stay
 * however old: nobody has seen them yet. So are the once-only marks ({@code occurrence_mark}) of occurrences long
 * over: a mark is asked for only while its occurrence is current — a quota's month; an expiry date until the warning
 * period after it — so one whose occurrence lapsed longer ago than both the retention and the expiry warning is never
 * asked for again, and deleting it tells nothing twice.
 */
@ApplicationScoped
public class NotificationRetention extends RetentionRound {

    @Inject
    NotificationRules rules;

    @Inject
    NotificationRepository notifications;

    @Inject
    OccurrenceMarkRepository marks;

    @Override
    public ClusterLock lock() {
        return ClusterLock.NOTIFICATION_RETENTION;
    }

    @Override
    protected Optional<Duration> keepFor() {
        return rules.keepReadFor();
    }

    @Override
    protected int removeBatch(Instant before, int most) {
        return notifications.removeReadBefore(before, most);
    }

    @Override
    protected String removedWhat(Duration keptFor) {
        return "notifications read over " + keptFor + " ago";
    }

    @Override
    public Optional<String> run(Instant now) {
        Optional<String> read = super.run(now);
        Duration keep = rules.keepReadFor().orElseThrow();
        Duration lapsedFor = keep.compareTo(rules.expiryWarning()) >= 0 ? keep : rules.expiryWarning();
        Instant lapsedBefore = now.minus(lapsedFor);
        Optional<String> lapsed = ClusterRound.removed(inBatches(most -> marks.removeLapsedBefore(lapsedBefore, most)),
                "once-only marks of occurrences over for " + lapsedFor);
        String done = Stream.of(read, lapsed).flatMap(Optional::stream).collect(Collectors.joining("; "));
        return done.isEmpty() ? Optional.empty() : Optional.of(done);
    }
}
