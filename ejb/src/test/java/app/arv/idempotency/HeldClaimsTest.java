package app.arv.idempotency;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.idempotency.IdempotencyRecord;
import app.arv.persistence.idempotency.IdempotencyRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The renewal of the claims this node's running requests hold, on real PostgreSQL. */
class HeldClaimsTest {

    private static final IdempotencyRules RULES = new IdempotencyRules(Duration.ofHours(24), Duration.ofMinutes(15),
            Duration.ofSeconds(10), Duration.ofHours(1));

    private final HeldClaims claims = new HeldClaims();
    private IdempotencyScope scope;

    @BeforeEach
    void aCredential() {
        scope = new IdempotencyScope(TestData.organization("Acme").getId(), "user:" + UUID.randomUUID());
        claims.rules = RULES;
    }

    @Test
    void aHeldClaimsLeaseIsExtendedToAWholeLeaseFromTheRound() {
        UUID claim = claim("key-1");
        claims.hold(claim);
        Instant round = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.MILLIS);

        renew(round);

        assertThat(lockedUntil(claim)).isEqualTo(round.plus(RULES.lease()));
    }

    @Test
    void aClaimLetGoIsNoLongerRenewed() {
        UUID claim = claim("key-1");
        Instant claimed = lockedUntil(claim);
        claims.hold(claim);
        claims.letGo(claim);

        renew(Instant.now().plus(Duration.ofMinutes(20)));

        assertThat(lockedUntil(claim)).isEqualTo(claimed);
    }

    @Test
    void aClaimHeldLongerThanTheRetentionIsLetGoUnrenewed() {
        UUID claim = claim("key-1");
        Instant claimed = lockedUntil(claim);
        claims.hold(claim);

        renew(Instant.now().plus(RULES.retention()).plusSeconds(1));

        assertThat(claims.held()).isEmpty();
        assertThat(lockedUntil(claim)).isEqualTo(claimed);
    }

    private UUID claim(String key) {
        AtomicReference<Claim> claim = new AtomicReference<>();
        inTransaction(beans -> claim.set(beans.get(IdempotencyKeys.class).begin(scope, key, "POST /api/v1/media multipart/form-data")));
        return ((Claim.Granted) claim.get()).recordId();
    }

    private void renew(Instant round) {
        inTransaction(beans -> {
            claims.keys = beans.get(IdempotencyKeys.class);
            claims.renew(round);
        });
    }

    private static Instant lockedUntil(UUID recordId) {
        AtomicReference<Instant> until = new AtomicReference<>();
        inTransaction(beans -> until.set(beans.get(IdempotencyRepository.class).find(recordId).map(IdempotencyRecord::getLockedUntil).orElseThrow()));
        return until.get();
    }

    private static void inTransaction(Consumer<ServiceBeans> work) {
        Database.inTransaction(em -> work.accept(new ServiceBeans(em).with(IdempotencyRules.class, RULES)));
    }
}
