package app.arv.persistence.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The fingerprints of the keys every node must share, recorded once per installation (table installation_key). */
@ApplicationScoped
public class InstallationKeys {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /**
     * Records {@code fingerprint} for the key {@code name} unless one is recorded already, and returns the recorded
     * one: this node's when it is the first, otherwise what the first node recorded (two first nodes at once: one wins).
     */
    public String agree(String name, String fingerprint, Instant now) {
        em.createNativeQuery("INSERT INTO installation_key (name, fingerprint, recorded_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (name) DO NOTHING")
                .setParameter(1, name).setParameter(2, fingerprint).setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
        return (String) em.createNativeQuery("SELECT fingerprint FROM installation_key WHERE name = ?1")
                .setParameter(1, name).getSingleResult();
    }
}
