package app.arv.security;

import app.arv.persistence.identity.User;

import java.util.Set;
import java.util.UUID;

/** The callers service tests act as, made as the request filter resolves them ({@link CallerLookup}). */
public final class Callers {

    private Callers() {
    }

    /** A person signed in: their account, organization and e-mail, with the roles their account gives. */
    public static Caller signedIn(User user) {
        return new Caller(user.getId(), null, user.getOrganizationId(), user.getEmail(), CallerRole.of(user));
    }

    /** A member of the organization, signed in, whose account the test has no need of (no row of it is written). */
    public static Caller memberOf(UUID organizationId) {
        return new Caller(UUID.randomUUID(), null, organizationId, "member@acme.example", Set.of(CallerRole.MEMBER));
    }
}
