package app.arv.identity;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How long an invitation's mailed link works ({@code ARV_INVITATION_TTL}), from when it was sent or last resent.
 */
@Dependent
public record InvitationRules(
        @ConfigProperty(name = "arv.invitation.ttl", defaultValue = "PT72H") Duration ttl) {

    @Inject
    public InvitationRules {
    }

    /** How long a lapsed invitation stays listed past its expiry before the clean-up deletes it. */
    public Duration expiredKept() {
        return Duration.ofDays(7);
    }
}
