package app.arv.notification;

import app.arv.shared.Setting;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * How notifications are timed and kept.
 *
 * @param expiryWarning       how long before its expiry date an AR content is announced as expiring
 * @param expiryCheckInterval how often one node looks for content expiring or expired
 * @param retention           how long a read notification is kept after being read ({@code PT0S}: for ever); unread
 *                            ones are never deleted
 */
@Dependent
public record NotificationRules(
        @ConfigProperty(name = "arv.expiry.warning", defaultValue = "P7D") Duration expiryWarning,
        @ConfigProperty(name = "arv.expiry.check-interval", defaultValue = "PT1H") Duration expiryCheckInterval,
        @ConfigProperty(name = "arv.notification.retention", defaultValue = "P30D") Duration retention) {

    @Inject
    public NotificationRules {
    }

    /** Empty: read notifications are kept for ever. */
    public Optional<Duration> keepReadFor() {
        return Setting.unlessZero(retention);
    }
}
