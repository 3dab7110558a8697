package app.arv.persistence.identity;

import app.arv.persistence.shared.OrganizationScoped;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UserRepository extends TenantRepository<User> {

    /** The second key of the per-organization lock of {@link #lockAdmins} (the first is the organization). */
    private static final String ADMINS_LOCK = "arv:users:active-admins";

    public UserRepository() {
        super(User.class);
    }

    /** Sign-in looks people up across tenants: an e-mail address is unique installation-wide. */
    public Optional<User> findByEmail(String email) {
        return em.createQuery("SELECT u FROM User u WHERE LOWER(u.email) = :email", User.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    /**
     * {@link #findByEmail}, row-locked until the transaction ends: a sign-in reads the password hash under it, and
     * every change of a password takes it too ({@link #lockActive}, {@link #lock}), so a sign-in with the old password
     * either ends before the change (which then ends its session) or reads the new hash.
     */
    public Optional<User> lockByEmail(String email) {
        return em.createQuery("SELECT u FROM User u WHERE LOWER(u.email) = :email", User.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT)).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /**
     * Holds every other transaction that takes this lock for the same address (whatever its case) until this one ends:
     * creating an account (an admin adding a person, a link of an invitation or sign-up, a first single sign-on) and
     * inviting an address check and write under it, so two at once cannot both pass the check.
     */
    public void lockEmail(String email) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 7829)) AS held) locked")
                .setParameter(1, email.strip().toLowerCase(Locale.ROOT)).getSingleResult();
    }

    public boolean emailTaken(String email) {
        return findByEmail(email).isPresent();
    }

    /** For a verified token: the user behind it, whatever the tenant, or nothing if it is gone. */
    public Optional<User> findActive(UUID id) {
        return Optional.ofNullable(em.find(User.class, id)).filter(User::isActive);
    }

    /** {@link #findActive}, row-locked until the transaction ends: for changing the password (see {@link #lockByEmail}). */
    public Optional<User> lockActive(UUID id) {
        return Optional.ofNullable(em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE)).filter(User::isActive);
    }

    public Page<User> list(UUID organizationId, PageRequest page) {
        return oldestFirst(organizationId, page);
    }

    /**
     * Holds every other transaction that takes this lock for the same organization until this one ends: a change that
     * can take away an active admin counts the remaining ones under it, so two at once (demote one admin, deactivate
     * the other) cannot each count the other and both commit, leaving the organization without an admin.
     */
    public void lockAdmins(UUID organizationId) {
        OrganizationScoped.holdLock(em, organizationId, ADMINS_LOCK);
    }

    public long countActiveAdmins(UUID organizationId) {
        return em.createQuery("SELECT COUNT(u) FROM User u WHERE u.organizationId = :org AND u.active = TRUE"
                + " AND u.role = app.arv.persistence.identity.Role.ADMIN", Long.class)
                .setParameter("org", organizationId).getSingleResult();
    }

    public boolean anyPlatformAdminIn(UUID organizationId) {
        return em.createQuery("SELECT COUNT(u) FROM User u WHERE u.platformAdmin = TRUE AND u.organizationId = :org", Long.class)
                .setParameter("org", organizationId).getSingleResult() > 0;
    }

    public boolean anyPlatformAdmin() {
        return em.createQuery("SELECT COUNT(u) FROM User u WHERE u.platformAdmin = TRUE", Long.class)
                .getSingleResult() > 0;
    }
}
