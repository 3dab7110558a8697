package app.arv.marker;

import app.arv.notification.NotificationRules;
import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.notification.Occurrences;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.notification.ContentExpiryRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.platform.ClusterRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every {@code arv.expiry.check-interval}, one node announces AR content that expires
 * within {@code arv.expiry.warning} ({@code ar_content.expiring}) and content whose expiry passed
 * ({@code ar_content.expired}). Each is told once per content, kind and expiry date — the once-only mark is taken
 * in the round's transaction, so neither a second node nor a restart tells it again, while a new expiry date is new
 * news. Content that expired longer than the warning period before a round first saw it (ARV was down, or this
 * feature is new) is not announced as expired: that would be stale news in bulk.
 */
@ApplicationScoped
public class ExpiryWatch implements ClusterRound {

    /** Content announced per kind and round; more waits for the next round (a round is one transaction). */
    static final int BATCH = 500;

    @Inject
    NotificationRules rules;

    @Inject
    ContentExpiryRepository expiries;

    @Inject
    Occurrences occurrences;

    @Override
    public ClusterLock lock() {
        return ClusterLock.CONTENT_EXPIRY;
    }

    @Override
    public Optional<Duration> interval() {
        return Optional.of(rules.expiryCheckInterval());
    }

    @Override
    public Optional<String> run(Instant now) {
        Duration warning = rules.expiryWarning();
        int told = 0;
        for (ArContent content : expiries.unannounced(OccurrenceType.AR_CONTENT_EXPIRING.wireName(), now, now.plus(warning), BATCH)) {
            told += tellOnce(content, MarkerOccurrences.expiring(content)) ? 1 : 0;
        }
        for (ArContent content : expiries.unannounced(OccurrenceType.AR_CONTENT_EXPIRED.wireName(), now.minus(warning), now, BATCH)) {
            told += tellOnce(content, MarkerOccurrences.expired(content)) ? 1 : 0;
        }
        return told > 0 ? Optional.of(told + " expiry notifications were fired") : Optional.empty();
    }

    /** Fires the expiry unless told before for this content, kind and expiry date; the mark lapses when the content expires. */
    private boolean tellOnce(ArContent content, Occurrence expiry) {
        return occurrences.fireOnce(MarkerOccurrences.expiryMark(expiry.type(), content.getId(), content.getExpiresAt()),
                content.getExpiresAt(), expiry);
    }
}
