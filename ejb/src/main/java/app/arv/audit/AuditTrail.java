package app.arv.audit;

import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.audit.AuditEvent;
import app.arv.persistence.audit.AuditEvent.Origin;
import app.arv.persistence.audit.AuditEventRepository;
import app.arv.security.Caller;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes the audit log. Services record an event where the change happens, in the same transaction, so a change that
 * is rolled back (a refusal, a failure) leaves no entry; where the request came from is taken from
 * {@link AuditOrigin}. Only what happens inside a transaction that then fails on purpose — a refused sign-in — is
 * recorded apart ({@link #recordApart}).
 */
@Stateless
public class AuditTrail {

    @Inject
    AuditEventRepository events;

    /** An event in the caller's organization, done by the caller, in the current transaction. */
    public void record(Caller caller, AuditAction action, UUID subjectId, AuditDetails details) {
        record(caller.organizationId(), Actor.of(caller), action, subjectId, details);
    }

    /**
     * An event in the current transaction: in another organization than the actor's (a platform admin's change), or
     * by an actor that is no caller (a person signing in, ARV itself).
     */
    public void record(UUID organizationId, Actor actor, AuditAction action, UUID subjectId, AuditDetails details) {
        add(organizationId, actor, action, subjectId, details, AuditOrigin.current());
    }

    /** Where the current request comes from: what {@link #recordApart} needs to be told, running on another thread. */
    public Origin origin() {
        return AuditOrigin.current();
    }

    /**
     * An event in a transaction of its own, written after the caller's call has returned: it stays though the
     * caller's transaction rolls back, and the caller's answer takes no longer for it. A refused sign-in uses it — a
     * refusal that took longer for a known address than for an unknown one would tell them apart.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordApart(UUID organizationId, Actor actor, AuditAction action, UUID subjectId, AuditDetails details,
            Origin origin) {
        add(organizationId, actor, action, subjectId, details, origin);
    }

    private void add(UUID organizationId, Actor actor, AuditAction action, UUID subjectId, AuditDetails details, Origin origin) {
        events.add(new AuditEvent(organizationId, Instant.now(), action, actor.kind(), actor.id(), actor.label(), subjectId,
                details.toJson(), origin));
    }
}
