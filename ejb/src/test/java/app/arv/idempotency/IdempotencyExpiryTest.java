package app.arv.idempotency;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.organization.Organization;
import app.arv.platform.RetentionRound;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The expiry of idempotency records, on real PostgreSQL. */
class IdempotencyExpiryTest {

    private static final IdempotencyRules RULES = new IdempotencyRules(Duration.ofHours(24), Duration.ofMinutes(15),
            Duration.ofSeconds(10), Duration.ofHours(1));
    /** The most one round deletes: its batches, each a statement and a transaction of its own. */
    private static final int ROUND = RetentionRound.MOST_BATCHES * RetentionRound.BATCH;

    private final Organization acme = TestData.organization("Acme");
    private final Instant now = Instant.now();

    @Test
    void aBacklogOfExpiredRecordsIsDeletedInBoundedBatchesTheRestInTheNextRoundAndCurrentOnesKept() {
        records(ROUND + 500, now.minus(Duration.ofDays(3)));
        records(3, now.minus(Duration.ofHours(1)));

        expire();

        assertThat(count(true)).as("expired records left for the next round").isGreaterThanOrEqualTo(500);
        expire();
        assertThat(count(true)).as("expired records").isZero();
        assertThat(count(false)).as("current records").isEqualTo(3);
    }

    private void expire() {
        Database.inTransaction(em -> new ServiceBeans(em).with(IdempotencyRules.class, RULES).get(IdempotencyExpiry.class).run(now));
    }

    private void records(int howMany, Instant createdAt) {
        Database.inTransaction(em -> em.createNativeQuery("INSERT INTO idempotency_record (id, organization_id, credential,"
                + " idempotency_key, request_line, created_at, locked_until) SELECT gen_random_uuid(), ?1, 'api-key',"
                + " 'key-' || gen_random_uuid(), 'POST /api/v1/generations', ?2, ?2 FROM generate_series(1, ?3)")
                .setParameter(1, acme.getId()).setParameter(2, createdAt).setParameter(3, howMany).executeUpdate());
    }

    /** The organization's records older than the retention ({@code expired}), or not. */
    private long count(boolean expired) {
        List<Long> found = new ArrayList<>();
        Database.inTransaction(em -> found.add(((Number) em.createNativeQuery("SELECT count(*) FROM idempotency_record"
                + " WHERE organization_id = ?1 AND created_at " + (expired ? "<" : ">=") + " ?2")
                .setParameter(1, acme.getId()).setParameter(2, now.minus(RULES.retention())).getSingleResult()).longValue()));
        return found.get(0);
    }
}
