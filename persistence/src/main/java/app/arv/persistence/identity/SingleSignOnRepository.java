package app.arv.persistence.identity;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows of single sign-on (V18): sign-ins under way (by state, taken once; V25 binds each to its browser), sign-ins
 * finished and waiting for the console to take them (V46: by the hash of their one-time code, taken once), organizations'
 * claims to e-mail domains (V28: pending until a platform admin approves them), and the provider accounts users signed in
 * with (each signs in the user it is linked to). Plain rows without behaviour, so
 * native statements rather than entities.
 */
@ApplicationScoped
public class SingleSignOnRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /**
     * What the callback of one sign-in needs to finish it; {@code browserHash} is the hash of the value the starting
     * browser was given to keep, which the callback must bring.
     */
    public record PendingLogin(String state, String provider, String nonce, String codeVerifier, String redirectUri,
            String browserHash) {
    }

    public void savePending(PendingLogin login, Instant expiresAt) {
        em.createNativeQuery("INSERT INTO oidc_login (state, provider, nonce, code_verifier, redirect_uri, browser_hash, expires_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, login.state()).setParameter(2, login.provider()).setParameter(3, login.nonce())
                .setParameter(4, login.codeVerifier()).setParameter(5, login.redirectUri()).setParameter(6, login.browserHash())
                .setParameter(7, Timestamp.from(expiresAt))
                .executeUpdate();
        em.createNativeQuery("DELETE FROM oidc_login WHERE expires_at < ?1").setParameter(1, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /** The sign-in of this state, removed in the same statement: a state is good for one callback. */
    public Optional<PendingLogin> takePending(String state, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("DELETE FROM oidc_login WHERE state = ?1 "
                + "RETURNING state, provider, nonce, code_verifier, redirect_uri, browser_hash, expires_at")
                .setParameter(1, state)
                .getResultList();
        return rows.stream()
                .filter(r -> toInstant(r[6]).isAfter(now))
                .map(r -> new PendingLogin((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]))
                .findFirst();
    }

    /**
     * A sign-in that succeeded, for the console of the browser that finished it: {@code browserHash} is the hash of the
     * value that browser was given to keep, which the hand-off must bring.
     */
    public record Handoff(String codeHash, String browserHash, String provider, UUID userId) {
    }

    public void saveHandoff(Handoff handoff, Instant expiresAt) {
        em.createNativeQuery("INSERT INTO oidc_handoff (code_hash, browser_hash, provider, user_id, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, handoff.codeHash()).setParameter(2, handoff.browserHash()).setParameter(3, handoff.provider())
                .setParameter(4, handoff.userId()).setParameter(5, Timestamp.from(expiresAt))
                .executeUpdate();
        em.createNativeQuery("DELETE FROM oidc_handoff WHERE expires_at < ?1").setParameter(1, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /** The finished sign-in of this code's hash, removed in the same statement: a code is good for one hand-off. */
    public Optional<Handoff> takeHandoff(String codeHash, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("DELETE FROM oidc_handoff WHERE code_hash = ?1 "
                + "RETURNING code_hash, browser_hash, provider, user_id, expires_at")
                .setParameter(1, codeHash)
                .getResultList();
        return rows.stream()
                .filter(r -> toInstant(r[4]).isAfter(now))
                .map(r -> new Handoff((String) r[0], (String) r[1], (String) r[2], toUuid(r[3])))
                .findFirst();
    }

    /** The organization whose claim to this (lower-case) e-mail domain a platform admin approved, if any. */
    public Optional<UUID> organizationOfDomain(String domain) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT organization_id FROM organization_sso_domain WHERE domain = ?1 AND state = ?2")
                .setParameter(1, domain).setParameter(2, DomainClaimState.APPROVED.column()).getResultList();
        return rows.stream().map(SingleSignOnRepository::toUuid).findFirst();
    }

    /** The domains the organization claimed, whatever their state. */
    public List<String> domainsOf(UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT domain FROM organization_sso_domain WHERE organization_id = ?1 ORDER BY domain")
                .setParameter(1, organizationId).getResultList();
        return rows;
    }

    /** The organization's claims, by domain. */
    public List<DomainClaim> claimsOf(UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CLAIMS + "WHERE d.organization_id = ?1 ORDER BY d.domain")
                .setParameter(1, organizationId).getResultList();
        return rows.stream().map(SingleSignOnRepository::claimOf).toList();
    }

    /** The organization's claim to the domain, if it has one. */
    public Optional<DomainClaim> claim(UUID organizationId, String domain) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CLAIMS + "WHERE d.organization_id = ?1 AND d.domain = ?2")
                .setParameter(1, organizationId).setParameter(2, domain).getResultList();
        return rows.stream().map(SingleSignOnRepository::claimOf).findFirst();
    }

    /** Every organization's claims in this state, oldest first. */
    public Page<DomainClaim> claims(DomainClaimState state, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CLAIMS + "WHERE d.state = ?1 ORDER BY d.created_at, d.domain, d.organization_id")
                .setParameter(1, state.column()).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM organization_sso_domain WHERE state = ?1")
                .setParameter(1, state.column()).getSingleResult()).longValue();
        return new Page<>(rows.stream().map(SingleSignOnRepository::claimOf).toList(), total, page.limit(), page.offset());
    }

    /** Domains of the list whose claim by another organization was approved. */
    public List<String> heldElsewhere(UUID organizationId, List<String> domains) {
        if (domains.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT domain FROM organization_sso_domain WHERE organization_id <> ?1 "
                + "AND domain IN (?2) AND state = ?3 ORDER BY domain")
                .setParameter(1, organizationId).setParameter(2, domains).setParameter(3, DomainClaimState.APPROVED.column())
                .getResultList();
        return rows;
    }

    /**
     * The organization's claims become these domains: the claims of domains not in the list are dropped, those
     * already claimed keep their state, and the new ones are pending.
     *
     * @param claimedBy who claims the new ones (an address or a key's name)
     */
    public void replaceDomains(UUID organizationId, List<String> domains, String claimedBy) {
        if (domains.isEmpty()) {
            em.createNativeQuery("DELETE FROM organization_sso_domain WHERE organization_id = ?1").setParameter(1, organizationId)
                    .executeUpdate();
            return;
        }
        em.createNativeQuery("DELETE FROM organization_sso_domain WHERE organization_id = ?1 AND domain NOT IN (?2)")
                .setParameter(1, organizationId).setParameter(2, domains).executeUpdate();
        Timestamp now = Timestamp.from(Instant.now());
        for (String domain : domains) {
            em.createNativeQuery("INSERT INTO organization_sso_domain (domain, organization_id, state, claimed_by, created_at) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (organization_id, domain) DO NOTHING")
                    .setParameter(1, domain).setParameter(2, organizationId).setParameter(3, DomainClaimState.PENDING.column())
                    .setParameter(4, claimedBy).setParameter(5, now).executeUpdate();
        }
    }

    /** A platform admin's decision on the organization's claim. */
    public void decide(UUID organizationId, String domain, DomainClaimState state, String decidedBy, Instant decidedAt) {
        em.createNativeQuery("UPDATE organization_sso_domain SET state = ?3, decided_by = ?4, decided_at = ?5 "
                + "WHERE organization_id = ?1 AND domain = ?2")
                .setParameter(1, organizationId).setParameter(2, domain).setParameter(3, state.column()).setParameter(4, decidedBy)
                .setParameter(5, Timestamp.from(decidedAt)).executeUpdate();
    }

    /**
     * Holds every other transaction that takes this lock for the same domain until this one ends: approving a claim
     * checks that no other organization's is approved under it, so two approvals at once cannot both pass the check.
     */
    public void lockDomain(String domain) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 4127)) AS held) locked")
                .setParameter(1, domain).getSingleResult();
    }

    /** Records that the user signed in with this provider account (once; later sign-ins leave it). */
    public void linkIdentity(String provider, String subject, UUID userId) {
        em.createNativeQuery("INSERT INTO user_external_identity (provider, subject, user_id, created_at) VALUES (?1, ?2, ?3, ?4) "
                + "ON CONFLICT (provider, subject) DO NOTHING")
                .setParameter(1, provider).setParameter(2, subject).setParameter(3, userId)
                .setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
    }

    /** Whether the user is linked to an account of this provider other than {@code subject}. */
    public boolean linkedToAnotherSubject(String provider, String subject, UUID userId) {
        return !em.createNativeQuery("SELECT 1 FROM user_external_identity WHERE provider = ?1 AND user_id = ?2 AND subject <> ?3")
                .setParameter(1, provider).setParameter(2, userId).setParameter(3, subject).setMaxResults(1).getResultList().isEmpty();
    }

    /** The user this provider account is linked to: the one it signs in. */
    public Optional<UUID> userOfIdentity(String provider, String subject) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT user_id FROM user_external_identity WHERE provider = ?1 AND subject = ?2")
                .setParameter(1, provider).setParameter(2, subject).getResultList();
        return rows.stream().map(SingleSignOnRepository::toUuid).findFirst();
    }

    private static final String CLAIMS = "SELECT d.organization_id, o.name, d.domain, d.state, d.created_at, d.claimed_by, "
            + "d.decided_at, d.decided_by FROM organization_sso_domain d JOIN organization o ON o.id = d.organization_id ";

    private static DomainClaim claimOf(Object[] r) {
        return new DomainClaim(toUuid(r[0]), (String) r[1], (String) r[2], DomainClaimState.ofColumn((String) r[3]), toInstant(r[4]),
                (String) r[5], r[6] == null ? null : toInstant(r[6]), (String) r[7]);
    }

    private static UUID toUuid(Object value) {
        return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
