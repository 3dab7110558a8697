package app.arv.identity;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.events.AfterCommit;
import app.arv.events.NothingAfterCommit;
import app.arv.notification.RecordedOccurrences;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.ApiKey;
import app.arv.persistence.identity.ApiKeyScope;
import app.arv.persistence.identity.Role;
import app.arv.persistence.organization.Organization;
import app.arv.security.Caller;
import app.arv.security.Callers;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revoking an API key on real PostgreSQL without a server (what is announced to other nodes after the commit is the
 * HTTP tests' to check).
 */
class ApiKeyServiceTest {

    private Organization acme;
    private Caller admin;
    private final RecordedOccurrences occurrences = new RecordedOccurrences();

    @BeforeEach
    void anOrganizationAndOneOfItsAdmins() {
        acme = TestData.organization("Acme");
        admin = Callers.signedIn(TestData.person(acme, "Ann", Role.ADMIN));
    }

    private ApiKeyService keys(EntityManager em) {
        return new ServiceBeans(em).with(MetricRegistry.class, new CountedMetrics().registry()).with(Event.class, occurrences)
                .with(AfterCommit.class, new NothingAfterCommit()).get(ApiKeyService.class);
    }

    @Test
    void aKeyRevokedTwiceAtOnceIsRevokedOnceWithOneAuditEntryAndOneOccurrence() throws Exception {
        ApiKey key = new ApiKey(acme.getId(), "ci key", ApiKeyScope.USER, "arv_abcd", "hash-" + UUID.randomUUID(), null);
        Database.persist(key);

        Future<?> second = Database.whileTheFirstIsOpen(em -> keys(em).revoke(admin, key.getId()),
                () -> Database.inTransaction(em -> keys(em).revoke(admin, key.getId())));
        second.get(30, TimeUnit.SECONDS);

        Database.inTransaction(em -> assertThat(em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.organizationId = :org"
                + " AND e.action = :action", Long.class).setParameter("org", acme.getId()).setParameter("action", AuditAction.API_KEY_REVOKED)
                .getSingleResult()).as("audit entries of the revocation").isEqualTo(1));
        assertThat(occurrences.fired()).as("occurrences of the revocation").hasSize(1);
    }
}
