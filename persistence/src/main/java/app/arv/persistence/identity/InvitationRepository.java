package app.arv.persistence.identity;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Invitations of an organization, and across organizations by the hash of a link's token; joins the caller's transaction. */
@ApplicationScoped
public class InvitationRepository extends TenantRepository<Invitation> {

    public InvitationRepository() {
        super(Invitation.class);
    }

    public Page<Invitation> list(UUID organizationId, PageRequest page) {
        return oldestFirst(organizationId, page);
    }

    /** The organization's open (neither accepted nor revoked) invitation of this address, whatever its case. */
    public Optional<Invitation> findOpen(UUID organizationId, String email) {
        return em.createQuery("SELECT i FROM Invitation i WHERE i.organizationId = :org AND LOWER(i.email) = :email"
                + " AND i.token.usedAt IS NULL AND i.revokedAt IS NULL", Invitation.class)
                .setParameter("org", organizationId).setParameter("email", email.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    /** Locked for the rest of the transaction, so two concurrent acceptances of one link can't both succeed. */
    public Optional<Invitation> findByHashForUpdate(String tokenHash) {
        return em.createQuery("SELECT i FROM Invitation i WHERE i.token.hash = :hash", Invitation.class)
                .setParameter("hash", tokenHash).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** Flushed at once, so a second open invitation of the address breaks the unique index here, not at commit. */
    public Invitation addNow(Invitation invitation) {
        em.persist(invitation);
        em.flush();
        return invitation;
    }

    /** Deleted at once (before a new open invitation of the address is inserted: an insert would be flushed first). */
    public void removeNow(Invitation invitation) {
        em.remove(invitation);
        em.flush();
    }

    /** Deletes invitations never accepted (pending once, or revoked) that expired before {@code cutoff}; how many. */
    public int removeUnacceptedExpiredBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM invitation WHERE used_at IS NULL AND expires_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }
}
