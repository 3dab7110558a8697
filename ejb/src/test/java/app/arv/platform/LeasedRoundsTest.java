package app.arv.platform;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class LeasedRoundsTest {

    enum Outcome {
        DONE, RETRY
    }

    /**
     * Rows in memory: each a name and when its lease ends; attempts answer DONE unless the name starts with "retry";
     * "broken" ones throw; "together" ones wait (a while) until another "together" attempt is under way too.
     */
    static final class Table implements LeasedWork<Table.Row, Outcome> {

        record Row(String name, Instant leaseUntil) {
        }

        final Deque<Row> due = new ArrayDeque<>();
        final List<String> attempted = Collections.synchronizedList(new ArrayList<>());
        final CyclicBarrier together = new CyclicBarrier(2);
        final List<String> givenBack = new ArrayList<>();
        int claims;
        boolean refill;

        @Override
        public List<Row> claim(int most) {
            claims++;
            List<Row> claimed = new ArrayList<>();
            while (claimed.size() < most && !due.isEmpty()) {
                claimed.add(due.poll());
            }
            if (refill) {
                claimed.forEach(due::add);
            }
            return claimed;
        }

        @Override
        public Instant leaseUntil(Row row) {
            return row.leaseUntil();
        }

        @Override
        public Duration longestAttempt() {
            return Duration.ofMinutes(1);
        }

        @Override
        public void giveBack(Row row) {
            givenBack.add(row.name());
        }

        @Override
        public Outcome attempt(Row row) {
            if (row.name().startsWith("broken")) {
                throw new IllegalStateException("the database refused the settle");
            }
            if (row.name().startsWith("together")) {
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("no other attempt came while this one was under way", e);
                }
            }
            attempted.add(row.name());
            return row.name().startsWith("retry") ? Outcome.RETRY : Outcome.DONE;
        }
    }

    private static final Instant LONG_LEASE = Instant.now().plus(Duration.ofHours(1));

    @Test
    void aRoundAttemptsEveryDueRowBatchByBatchAndCountsTheOutcomes() {
        Table table = new Table();
        for (int i = 0; i < 23; i++) {
            table.due.add(new Table.Row((i % 5 == 0 ? "retry-" : "mail-") + i, LONG_LEASE));
        }

        Map<Outcome, Integer> round = new LeasedRounds<>(Logger.getAnonymousLogger(), "Test", Outcome.class, table).drain();

        assertThat(table.attempted).hasSize(23);
        assertThat(round).containsEntry(Outcome.DONE, 18).containsEntry(Outcome.RETRY, 5);
        assertThat(table.claims).isEqualTo(4);
    }

    @Test
    void aRowWhoseLeaseWouldEndDuringTheAttemptIsGivenBackUntried() {
        Table table = new Table();
        table.due.add(new Table.Row("short", Instant.now().plusSeconds(5)));
        table.due.add(new Table.Row("long", LONG_LEASE));

        Map<Outcome, Integer> round = new LeasedRounds<>(Logger.getAnonymousLogger(), "Test", Outcome.class, table).drain();

        assertThat(table.givenBack).containsExactly("short");
        assertThat(table.attempted).containsExactly("long");
        assertThat(round).containsOnlyKeys(Outcome.DONE);
    }

    @Test
    void aRoundEndsAfterItsLastBatchEvenWhenRowsKeepComingDue() {
        Table table = new Table();
        table.refill = true;
        table.due.add(new Table.Row("retry-at-once", LONG_LEASE));

        new LeasedRounds<>(Logger.getAnonymousLogger(), "Test", Outcome.class, table).drain();

        assertThat(table.claims).isEqualTo(LeasedRounds.MOST_BATCHES_PER_ROUND);
        assertThat(table.attempted).hasSize(LeasedRounds.MOST_BATCHES_PER_ROUND);
    }

    @Test
    void aRowWhoseAttemptBreaksIsLeftToItsLeaseAndTheRestOfTheRoundGoesOn() {
        Table table = new Table();
        table.due.add(new Table.Row("mail-1", LONG_LEASE));
        table.due.add(new Table.Row("broken", LONG_LEASE));
        table.due.add(new Table.Row("mail-2", LONG_LEASE));

        Map<Outcome, Integer> round = new LeasedRounds<>(Logger.getAnonymousLogger(), "Test", Outcome.class, table).drain();

        assertThat(table.attempted).containsExactly("mail-1", "mail-2");
        assertThat(table.givenBack).isEmpty();
        assertThat(round).containsEntry(Outcome.DONE, 2);
    }

    @Test
    void aRoundWithNothingDueCountsNoOutcomes() {
        Map<Outcome, Integer> round = new LeasedRounds<>(Logger.getAnonymousLogger(), "Test", Outcome.class, new Table()).drain();

        assertThat(round).isEmpty();
    }

    @Test
    void givenHelpersTheRowsOfABatchAreAttemptedAtTheSameTime() {
        Table table = new Table();
        table.due.add(new Table.Row("together-1", LONG_LEASE));
        table.due.add(new Table.Row("together-2", LONG_LEASE));
        ExecutorService helpers = Executors.newCachedThreadPool();
        Map<Outcome, Integer> round;
        try {
            round = new LeasedRounds<>(Logger.getAnonymousLogger(), "Test", Outcome.class, table).drain(helpers, 2);
        } finally {
            helpers.shutdownNow();
        }

        assertThat(table.attempted).containsExactlyInAnyOrder("together-1", "together-2");
        assertThat(round).containsEntry(Outcome.DONE, 2);
    }
}
