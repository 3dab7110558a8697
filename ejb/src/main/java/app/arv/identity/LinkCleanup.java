package app.arv.identity;

import app.arv.persistence.identity.InvitationRepository;
import app.arv.persistence.identity.PasswordResetTokenRepository;
import app.arv.persistence.identity.PendingSignupRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.platform.ClusterRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every hour, pending sign-ups and password-reset tokens whose link expired are deleted, and invitations never accepted are deleted
 * {@link InvitationRules#expiredKept} after they expired (until then admins see them listed as expired or revoked).
 * Accepted invitations stay, as the record of who joined by whose invitation.
 */
@ApplicationScoped
public class LinkCleanup implements ClusterRound {

    @Inject
    InvitationRepository invitations;

    @Inject
    PendingSignupRepository signups;

    @Inject
    PasswordResetTokenRepository resetTokens;

    @Inject
    InvitationRules rules;

    @Override
    public ClusterLock lock() {
        return ClusterLock.LINK_CLEANUP;
    }

    @Override
    public Optional<Duration> interval() {
        return Optional.of(HOURLY);
    }

    @Override
    public Optional<String> run(Instant now) {
        int removed = signups.removeExpiredBefore(now) + resetTokens.removeExpiredBefore(now)
                + invitations.removeUnacceptedExpiredBefore(now.minus(rules.expiredKept()));
        return ClusterRound.removed(removed, "expired sign-ups, password-reset links and invitations");
    }
}
