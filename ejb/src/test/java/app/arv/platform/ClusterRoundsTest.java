package app.arv.platform;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.shared.ClusterLocks;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ClusterRoundsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** A round that remembers when it ran, and fails when told to. */
    static final class Recorded implements ClusterRound {

        final List<Instant> runs = new ArrayList<>();
        boolean failing;

        @Override
        public ClusterLock lock() {
            return ClusterLock.SESSION_CLEANUP;
        }

        @Override
        public Optional<Duration> interval() {
            return Optional.of(HOURLY);
        }

        @Override
        public Optional<String> run(Instant now) {
            if (failing) {
                throw new IllegalStateException("the database went away");
            }
            runs.add(now);
            return Optional.empty();
        }
    }

    private final Recorded round = new Recorded();

    @Test
    void aNodeThatGetsTheRoundsLockDoesTheRound() {
        Database.inTransaction(em -> rounds(em).run(round, NOW));

        assertThat(round.runs).containsExactly(NOW);
    }

    @Test
    void aNodeSkipsTheRoundWhileAnotherNodesTransactionHoldsItsLock() {
        Database.inTransaction(other -> {
            assertThat(new ServiceBeans(other).get(ClusterLocks.class).tryHold(round.lock())).isTrue();
            // Another node: a transaction (and database connection) of its own, while the first stays open.
            Database.inTransaction(em -> rounds(em).run(round, NOW));
        });

        assertThat(round.runs).isEmpty();
    }

    @Test
    void aFailingRoundIsLeftToTheNextOneInsteadOfFailingTheTimer() {
        round.failing = true;

        assertThatCode(() -> Database.inTransaction(em -> rounds(em).run(round, NOW))).doesNotThrowAnyException();
        round.failing = false;
        Database.inTransaction(em -> rounds(em).run(round, NOW.plus(ClusterRound.HOURLY)));

        assertThat(round.runs).containsExactly(NOW.plus(ClusterRound.HOURLY));
    }

    @Test
    void aDeletingRoundSaysHowManyItDeletedAndNothingWhenItDeletedNone() {
        assertThat(ClusterRound.removed(3, "ended sessions")).contains("3 ended sessions were deleted");
        assertThat(ClusterRound.removed(0, "ended sessions")).isEmpty();
    }

    private static ClusterRounds rounds(EntityManager em) {
        return new ServiceBeans(em).get(ClusterRounds.class);
    }
}
