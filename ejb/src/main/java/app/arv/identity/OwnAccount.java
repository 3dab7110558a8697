package app.arv.identity;

import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.identity.UserSession.EndReason;
import app.arv.security.Caller;
import app.arv.security.ChosenPasswords;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * What a signed-in person does to their own account. Changing the password takes the current one (wrong guesses are
 * throttled like failed sign-ins, so a stolen token can't be used to find the password out) and ends every other
 * session ({@link Sessions#endAllOf}); access tokens issued before the change are refused from then on (see
 * {@link Caller#acceptsTokenIssuedAt}), on every node once the change notice has reached it. The caller's own session
 * carries on with a fresh access token.
 */
@Stateless
public class OwnAccount {

    @Inject
    AuditTrail audit;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher passwords;

    @Inject
    ChosenPasswords chosenPasswords;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    @Inject
    ResetLinks links;

    /** The caller's own account, as a person. */
    public User get(Caller caller) {
        if (caller.isApiKey()) {
            throw DomainException.forbidden("An API key is no person's account: sign in as a person");
        }
        return users.find(caller.organizationId(), caller.userId()).orElseThrow(() -> DomainException.notFound("User"));
    }

    /**
     * @param name   a display name; blank clears it, {@code null} leaves it
     * @param locale {@code en} or {@code ru} (checked by the caller), {@code null} leaves it
     */
    public User update(Caller caller, String name, String locale) {
        User user = get(caller);
        if (name != null) {
            user.setDisplayName(name);
        }
        if (locale != null) {
            user.setLocale(locale);
        }
        return user;
    }

    /**
     * Sets a new password and ends every other session of the person; the current one carries on with a fresh access
     * token (its refresh token stays). A caller whose token has no session (issued before there were sessions) gets a
     * new session, with its refresh token.
     */
    public SignIn changePassword(Caller caller, String currentPassword, String newPassword, Device device) {
        String clientAddress = device.clientAddress();
        if (caller.isApiKey()) {
            throw DomainException.forbidden("An API key has no password: sign in as a person to change yours");
        }
        User user = users.find(caller.organizationId(), caller.userId()).orElseThrow(() -> DomainException.notFound("User"));
        // One check of the current password at a time, as at sign-in: a stolen session must not guess it in parallel.
        throttle.checkAlone(user.getEmail(), () -> {
            // Locked (in the check, as sign-in locks it) and read again: a sign-in with the old password under way ends
            // before this change ends its session, and a change that committed meanwhile is the one checked against.
            users.refreshLocked(user);
            Duration hold = throttle.hold(user.getEmail(), clientAddress);
            if (!hold.isZero()) {
                throw DomainException.tooManyAttempts(hold);
            }
            if (!passwords.matches(currentPassword, user.getPasswordHash())) {
                throw wrongPassword(user, clientAddress);
            }
            return user;
        });
        user.changePasswordHash(chosenPasswords.hashOf(newPassword, user.getEmail()));
        audit.record(caller, AuditAction.USER_PASSWORD_SET, user.getId(), AuditDetails.with("email", user.getEmail()).and("via", "own_account"));
        links.withdrawAllOf(user.getId());
        sessions.endAllOf(user.getId(), caller.sessionId(), EndReason.PASSWORD_CHANGED);
        if (caller.sessionId() == null) {
            return sessions.open(user, device);
        }
        return sessions.freshAccess(user, caller.sessionId());
    }

    private DomainException wrongPassword(User user, String clientAddress) {
        throttle.failed(user.getEmail(), clientAddress);
        return DomainException.invalid("wrong_password", "The current password is wrong");
    }
}
