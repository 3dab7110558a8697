package app.arv.audit;

import app.arv.persistence.audit.ActorKind;
import app.arv.persistence.identity.User;
import app.arv.security.Caller;
import app.arv.security.CallerRole;

import java.util.Set;
import java.util.UUID;

/**
 * Who did what an audit event records, as the log keeps it.
 *
 * @param id    the person or key; {@code null} for ARV itself and for somebody not signed in
 * @param label an e-mail address or a key's name, kept so the entry reads after the account or key is gone
 */
public record Actor(ActorKind kind, UUID id, String label) {

    public static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, null, null);

    /** The caller of a service: a key, a platform admin or a person. */
    public static Actor of(Caller caller) {
        if (caller.isApiKey()) {
            return new Actor(ActorKind.API_KEY, caller.apiKeyId(), caller.name());
        }
        return new Actor(kindOf(caller.roles()), caller.userId(), caller.name());
    }

    /** A person acting before there is a caller: signing in, setting a password by a mailed link. */
    public static Actor person(User user) {
        return new Actor(kindOf(CallerRole.of(user)), user.getId(), user.getEmail());
    }

    /** A person with these roles is logged as a platform admin when they are one, else as a person. */
    private static ActorKind kindOf(Set<String> roles) {
        return roles.contains(CallerRole.PLATFORM_ADMIN) ? ActorKind.PLATFORM_ADMIN : ActorKind.PERSON;
    }

    /** Somebody not signed in, known only by the address they typed. */
    public static Actor anonymous(String attemptedEmail) {
        return new Actor(ActorKind.ANONYMOUS, null, attemptedEmail);
    }
}
