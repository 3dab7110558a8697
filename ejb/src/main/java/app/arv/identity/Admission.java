package app.arv.identity;

import app.arv.persistence.identity.User;
import app.arv.persistence.organization.OrganizationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Who may be let in, whichever way they come (a password, a provider account, a refresh token, a reset link): an active
 * person of an active organization. Deactivating either ends every way in at once; the rule has this one home so that a
 * new way in cannot check only half of it.
 */
@ApplicationScoped
public class Admission {

    /** Why a person may not be let in; its wire name is the reason a refused sign-in's audit entry gives. */
    public enum Refusal {
        ACCOUNT_DEACTIVATED, ORGANIZATION_DEACTIVATED
    }

    @Inject
    OrganizationRepository organizations;

    /** Why {@code user} may not be let in, if they may not: their own account is asked before their organization. */
    public Optional<Refusal> refusalOf(User user) {
        if (!user.isActive()) {
            return Optional.of(Refusal.ACCOUNT_DEACTIVATED);
        }
        if (!organizations.isActive(user.getOrganizationId())) {
            return Optional.of(Refusal.ORGANIZATION_DEACTIVATED);
        }
        return Optional.empty();
    }

    /** Whether {@code user} may be let in ({@link #refusalOf} finds nothing). */
    public boolean admits(User user) {
        return refusalOf(user).isEmpty();
    }
}
