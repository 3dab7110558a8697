package app.arv.identity;

import app.arv.audit.Actor;
import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.mail.MailTemplates;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.PasswordResetToken;
import app.arv.persistence.identity.PasswordResetTokenRepository;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.identity.UserSession.EndReason;
import app.arv.platform.PublicAddress;
import app.arv.security.ChosenPasswords;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * "I forgot my password": {@link #request} mails a single-use link that expires ({@code ARV_PASSWORD_RESET_TTL});
 * {@link #confirm} sets the new password with the token the link carried. A request is throttled per address and
 * per client like failed sign-ins ({@link LoginThrottle}) and then answered at once: who the address belongs to is
 * looked up, and the token and mail stored, in the background ({@link ResetMails}), so neither the answer nor its
 * time depends on whether the address has an account.
 */
@Stateless
public class PasswordResets {

    @Inject
    AuditTrail audit;

    @Inject
    UserRepository users;

    @Inject
    PasswordResetTokenRepository tokens;

    @Inject
    ChosenPasswords passwords;

    @Inject
    Sessions sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    ResetMails resetMails;

    @Inject
    ResetLinks links;

    @Inject
    PublicAddress publicAddress;

    /**
     * @param languages   the requester's languages in order of preference (Accept-Language), for the mail
     * @param requestBase the address the request came in by, for the link when ARV_PUBLIC_URL is not set and it is a loopback address
     */
    public void request(String email, String clientAddress, List<Locale> languages, String requestBase) {
        throttle.admit(LoginThrottle.Request.RESET, email, clientAddress);
        resetMails.issue(email.strip(), MailTemplates.languageFor(languages), publicAddress.forAnonymousRequest(requestBase));
    }

    /**
     * Sets the password of the token's owner (if it meets the password rules, {@link ChosenPasswords}) and spends the token and every other
     * unused one of theirs ({@link ResetLinks}); every session of theirs ends, and their cached credentials are dropped on every node. An unknown, used or expired token, or
     * one whose owner is no longer active, is refused alike.
     */
    public void confirm(String rawToken, String password) {
        Instant now = Instant.now();
        PasswordResetToken token = tokens.findByHash(LinkToken.hashOf(rawToken))
                .filter(t -> t.usableAt(now)).orElseThrow(PasswordResets::invalidToken);
        // The person is locked before the token, the order of every password change (which spends the person's tokens),
        // so that the two never wait for each other; a sign-in under way ends first (UserRepository.lockByEmail).
        User user = users.lockActive(token.getUserId()).orElseThrow(PasswordResets::invalidToken);
        // Read again under the lock: a concurrent use of it, or a change that spent it, has committed by now.
        tokens.refreshLocked(token);
        if (!token.usableAt(now)) {
            throw invalidToken();
        }
        user.changePasswordHash(passwords.hashOf(password, user.getEmail()));
        token.use(now);
        audit.record(user.getOrganizationId(), Actor.person(user), AuditAction.USER_PASSWORD_SET, user.getId(),
                AuditDetails.with("email", user.getEmail()).and("via", "password_reset"));
        links.withdrawAllOf(user.getId());
        sessions.endAllOf(user.getId(), null, EndReason.PASSWORD_RESET);
    }

    private static DomainException invalidToken() {
        return DomainException.invalidToken("This reset link is unknown, used already or expired; ask for a new one");
    }
}
