package app.arv.identity;

import app.arv.persistence.identity.PasswordResetToken;
import app.arv.persistence.identity.PasswordResetTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The password-reset links a person has outstanding. A link sets the password of the person it was mailed to as they
 * were then, so it works only while nothing has changed since: the newest link of a person is the only one that works
 * (a new one spends those before it), and none survives a new password, however it was set, or the person's
 * deactivation. Every way ARV spends links goes through here.
 */
@ApplicationScoped
public class ResetLinks {

    @Inject
    PasswordResetTokenRepository tokens;

    /**
     * A new link for the person, usable for {@code ttl}; their earlier ones stop working. The caller holds the person's
     * row lock ({@code UserRepository.lockByEmail}), so that a link issued at the same time is among those spent.
     */
    public LinkToken issue(UUID userId, Duration ttl) {
        Instant now = Instant.now();
        tokens.spendAllOf(userId, now);
        LinkToken token = LinkToken.random();
        tokens.add(new PasswordResetToken(userId, token.hash(), now, ttl));
        return token;
    }

    /** Every link of the person stops working: their password was set, or they were deactivated. */
    public void withdrawAllOf(UUID userId) {
        tokens.spendAllOf(userId, Instant.now());
    }
}
