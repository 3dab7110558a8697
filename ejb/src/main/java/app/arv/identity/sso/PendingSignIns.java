package app.arv.identity.sso;

import app.arv.persistence.identity.SingleSignOnRepository;
import app.arv.persistence.identity.SingleSignOnRepository.PendingLogin;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * Takes a pending sign-in in a transaction of its own: a callback that fails afterwards (refused code,
 * unverified address, no organization) rolls its own work back, but the state stays used.
 */
@Stateless
public class PendingSignIns {

    @Inject
    SingleSignOnRepository sso;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<PendingLogin> take(String state, Instant now) {
        return sso.takePending(state, now);
    }
}
