package app.arv.security;

import app.arv.persistence.identity.User;

/** The callers service tests act as, made as the request filter resolves them ({@link CallerLookup}). */
public final class Callers {

    private Callers() {
    }

    /** A person signed in: their account, organization and e-mail, with the roles their account gives. */
    public static Caller signedIn(User user) {
        return new Caller(user.getId(), null, user.getOrganizationId(), user.getEmail(), CallerRole.of(user));
    }
}
