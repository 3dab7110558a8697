package app.arv.security;

import java.util.Objects;
import java.util.UUID;

/**
 * Which organizations' records a caller may see, the one home of the rule "a platform admin sees every organization":
 * a platform admin sees every organization's (and those of no organization, such as a sign-up's mail), anyone else
 * their own organization's only. A listing narrows its query by {@link #narrowedTo()}; a lookup by id across
 * organizations keeps what {@link #include}s, so another organization's id stays a 404.
 */
public final class VisibleOrganizations {

    private static final VisibleOrganizations EVERY = new VisibleOrganizations(null);

    /** {@code null}: every organization. */
    private final UUID only;

    private VisibleOrganizations(UUID only) {
        this.only = only;
    }

    /** What {@code caller} may see: every organization for a platform admin, else the caller's own. */
    static VisibleOrganizations of(Caller caller) {
        return caller.has(CallerRole.PLATFORM_ADMIN) ? EVERY : new VisibleOrganizations(Objects.requireNonNull(caller.organizationId()));
    }

    /** Whether every organization is visible (a query may then leave the organization out). */
    public boolean every() {
        return only == null;
    }

    /** The one organization a query is narrowed to; {@code null} when {@link #every()} is. */
    public UUID narrowedTo() {
        return only;
    }

    /** Whether a record of {@code organizationId} ({@code null}: of no organization) is visible. */
    public boolean include(UUID organizationId) {
        return only == null || only.equals(organizationId);
    }

    @Override
    public String toString() {
        return only == null ? "every organization" : "organization " + only;
    }
}
