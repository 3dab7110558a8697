package app.arv.platform;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One node's rounds over {@link LeasedWork}, run from its timer: a round claims due rows a few at a time, until none is
 * due or {@value #MOST_BATCHES_PER_ROUND} batches are done (a zero back-off must not spin for ever), and attempts them
 * one by one. A row whose lease would end before an attempt could finish goes back untried, so no two nodes ever work
 * on one row at once.
 *
 * @param <C> a claimed row
 * @param <O> what became of an attempt
 */
public final class LeasedRounds<C, O extends Enum<O>> {

    static final int BATCH = 10;
    static final int MOST_BATCHES_PER_ROUND = 50;

    private final Logger log;
    private final String what;
    private final Class<O> outcomes;
    private final LeasedWork<C, O> work;
    private final AtomicBoolean running = new AtomicBoolean();

    /** @param what the work's name in log lines, e.g. "Mail" */
    public LeasedRounds(Logger log, String what, Class<O> outcomes, LeasedWork<C, O> work) {
        this.log = log;
        this.what = what;
        this.outcomes = outcomes;
        this.work = work;
    }

    /** The timer's round: a failure is logged and left to the next round; a round still running is not joined. */
    public void poll() {
        // A round that outlasts the interval (a slow server, a long queue) is not joined by the next one.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            NodeTimers.round(log, what, () -> {
                Map<O, Integer> round = drain();
                if (!round.isEmpty()) {
                    log.fine(() -> what + " round: " + round);
                }
            });
        } finally {
            running.set(false);
        }
    }

    /** Attempts everything due now; how many attempts ended each way. */
    public Map<O, Integer> drain() {
        Map<O, Integer> done = new EnumMap<>(outcomes);
        List<C> claimed = work.claim(BATCH);
        for (int batch = 1; !claimed.isEmpty(); batch++) {
            for (C row : claimed) {
                if (Instant.now().plus(work.longestAttempt()).isAfter(work.leaseUntil(row))) {
                    work.giveBack(row);
                    continue;
                }
                try {
                    done.merge(work.attempt(row), 1, Integer::sum);
                } catch (RuntimeException e) {
                    // One row that cannot be settled (a bug, a value the database refuses) must not hold up the rest;
                    // it stays claimed until its lease ends, so it is tried again then rather than at once.
                    log.log(Level.WARNING, what + ": an attempt broke; the row is tried again once its lease has ended", e);
                }
            }
            claimed = batch < MOST_BATCHES_PER_ROUND ? work.claim(BATCH) : List.of();
        }
        return done;
    }
}
