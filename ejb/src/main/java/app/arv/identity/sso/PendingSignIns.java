package app.arv.identity.sso;

import app.arv.persistence.identity.SingleSignOnRepository;
import app.arv.persistence.identity.SingleSignOnRepository.Handoff;
import app.arv.persistence.identity.SingleSignOnRepository.PendingLogin;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * Takes a pending sign-in, or a finished one waiting for its hand-off, in a transaction of its own: a callback that fails
 * afterwards (refused code, unverified address, no organization) rolls its own work back, but the state stays used; a
 * hand-off refused (another browser's cookie) leaves its code used too.
 */
@Stateless
public class PendingSignIns {

    @Inject
    SingleSignOnRepository sso;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<PendingLogin> take(String state, Instant now) {
        return sso.takePending(state, now);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Handoff> takeHandoff(String codeHash, Instant now) {
        return sso.takeHandoff(codeHash, now);
    }
}
