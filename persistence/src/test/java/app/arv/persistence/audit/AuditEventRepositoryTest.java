package app.arv.persistence.audit;

import app.arv.persistence.Database;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.audit.AuditEvent.Origin;
import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.Repositories;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEventRepositoryTest extends TwoTenantsTest {

    private static final Origin OFFICE = new Origin("203.0.113.7", "Firefox", "req-1");

    private final AuditEventRepository events = new AuditEventRepository();

    @Test
    void anEventKeepsItsOriginActorAndDetails() {
        UUID ann = UUID.randomUUID();
        UUID key = UUID.randomUUID();
        Database.persist(new AuditEvent(acme.getId(), Instant.now(), AuditAction.API_KEY_CREATED, ActorKind.PERSON, ann,
                "ann@acme.example", key, "{\"name\": \"CI\"}", OFFICE));

        AuditEvent stored = list(acme.getId(), AuditFilter.ALL, PageRequest.first()).items().get(0);

        assertThat(stored.getActorLabel()).isEqualTo("ann@acme.example");
        assertThat(stored.getSubjectType()).isEqualTo("api_key");
        assertThat(stored.getSubjectId()).isEqualTo(key);
        assertThat(stored.getClientAddress()).isEqualTo("203.0.113.7");
        assertThat(stored.getRequestId()).isEqualTo("req-1");
        assertThat(stored.getDetails()).isEqualTo("{\"name\": \"CI\"}");
    }

    @Test
    void aLongUserAgentIsClipped() {
        AuditEvent event = new AuditEvent(acme.getId(), Instant.now(), AuditAction.SIGN_IN_SUCCEEDED, ActorKind.PERSON, null,
                null, null, "{}", new Origin("203.0.113.7", "x".repeat(1000), null));

        assertThat(event.getUserAgent()).hasSize(AuditEvent.MAX_USER_AGENT);
    }

    @Test
    void anotherOrganizationsEventsAreNeverListed() {
        Database.persist(event(globex.getId(), AuditAction.USER_CHANGED, null, null, Instant.now()));

        assertThat(list(acme.getId(), AuditFilter.ALL, PageRequest.first()).total()).isZero();
    }

    @Test
    void theListingIsNewestFirst() {
        Instant now = Instant.now();
        AuditEvent older = event(acme.getId(), AuditAction.USER_CHANGED, null, null, now.minusSeconds(60));
        AuditEvent newer = event(acme.getId(), AuditAction.USER_DEACTIVATED, null, null, now);
        Database.persist(older, newer);

        assertThat(list(acme.getId(), AuditFilter.ALL, PageRequest.first()).items()).extracting(AuditEvent::getId)
                .containsExactly(newer.getId(), older.getId());
    }

    @Test
    void pagesOfEventsAtTheSameInstantNeitherOverlapNorMissAny() {
        Instant at = Instant.now();
        List<AuditEvent> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(event(acme.getId(), AuditAction.SIGN_IN_SUCCEEDED, null, null, at));
        }
        Database.persist(stored.toArray());

        List<UUID> paged = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            list(acme.getId(), AuditFilter.ALL, new PageRequest(3, offset)).items().forEach(e -> paged.add(e.getId()));
        }

        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored.stream().map(AuditEvent::getId).toList());
    }

    @Test
    void theFilterNarrowsByActionActorSubjectAndTime() {
        // As an event keeps it: an event stamped at the filter's end is outside it (an end to the nanosecond lies after it).
        Instant now = AuditedEntity.now();
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        AuditEvent wanted = event(acme.getId(), AuditAction.USER_CHANGED, ann, bob, now.minusSeconds(30));
        Database.persist(wanted,
                event(acme.getId(), AuditAction.USER_DEACTIVATED, ann, bob, now.minusSeconds(30)),
                event(acme.getId(), AuditAction.USER_CHANGED, bob, bob, now.minusSeconds(30)),
                event(acme.getId(), AuditAction.USER_CHANGED, ann, ann, now.minusSeconds(30)),
                event(acme.getId(), AuditAction.USER_CHANGED, ann, bob, now.minusSeconds(3600)),
                event(acme.getId(), AuditAction.USER_CHANGED, ann, bob, now));

        AuditFilter filter = new AuditFilter(Set.of(AuditAction.USER_CHANGED, AuditAction.API_KEY_CREATED), ann, bob,
                now.minusSeconds(60), now);

        assertThat(list(acme.getId(), filter, PageRequest.first()).items()).extracting(AuditEvent::getId)
                .containsExactly(wanted.getId());
    }

    @Test
    void retentionDeletesOnlyOlderEventsAndAtMostOneBatch() {
        Database.inTransaction(em -> em.createNativeQuery("DELETE FROM audit_event").executeUpdate());
        Instant now = Instant.now();
        AuditEvent recent = event(acme.getId(), AuditAction.USER_CHANGED, null, null, now.minusSeconds(60));
        Database.persist(recent,
                event(acme.getId(), AuditAction.USER_CHANGED, null, null, now.minusSeconds(7200)),
                event(globex.getId(), AuditAction.USER_CHANGED, null, null, now.minusSeconds(7300)),
                event(acme.getId(), AuditAction.USER_CHANGED, null, null, now.minusSeconds(7400)));

        int firstBatch = Database.result(em -> Repositories.on(em, events).removeBefore(now.minusSeconds(3600), 2));
        Database.inTransaction(em -> Repositories.on(em, events).removeBefore(now.minusSeconds(3600), 2));

        List<UUID> left = Database.result(em -> em.createQuery("SELECT e.id FROM AuditEvent e", UUID.class).getResultList());
        assertThat(firstBatch).isEqualTo(2);
        assertThat(left).containsExactly(recent.getId());
    }

    private Page<AuditEvent> list(UUID organizationId, AuditFilter filter, PageRequest page) {
        return Database.result(em -> Repositories.on(em, events).list(organizationId, filter, page));
    }

    private static AuditEvent event(UUID organizationId, AuditAction action, UUID actor, UUID subject, Instant at) {
        return new AuditEvent(organizationId, at, action, ActorKind.PERSON, actor, "someone@example.com", subject, "{}", OFFICE);
    }
}
