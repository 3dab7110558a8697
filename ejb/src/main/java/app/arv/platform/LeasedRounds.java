package app.arv.platform;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One node's rounds over {@link LeasedWork}, run from its timer: a round claims due rows a few at a time, until none is
 * due or {@value #MOST_BATCHES_PER_ROUND} batches are done (a zero back-off must not spin for ever), and attempts a
 * batch's rows one by one — or, given helpers (the container's managed executor) and a parallelism, that many at a time:
 * the round's own thread and helpers take the batch's rows in turn, so one slow row holds up only its own thread, and
 * the next batch is claimed once every row of this one is done. A row whose lease would end before its attempt could
 * finish goes back untried, so no two nodes ever work on one row at once.
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

    /** The timer's round, one row at a time: see {@link #poll(Executor, int)}. */
    public void poll() {
        poll(Runnable::run, 1);
    }

    /**
     * The timer's round, up to {@code parallelism} rows at a time (the round's thread and helpers from {@code helpers}):
     * a failure is logged and left to the next round; a round still running is not joined.
     */
    public void poll(Executor helpers, int parallelism) {
        // A round that outlasts the interval (a slow server, a long queue) is not joined by the next one.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            NodeTimers.round(log, what, () -> {
                Map<O, Integer> round = drain(helpers, parallelism);
                if (!round.isEmpty()) {
                    log.fine(() -> what + " round: " + round);
                }
            });
        } finally {
            running.set(false);
        }
    }

    /** Attempts everything due now, one row at a time; how many attempts ended each way. */
    public Map<O, Integer> drain() {
        return drain(Runnable::run, 1);
    }

    /**
     * Attempts everything due now, up to {@code parallelism} rows at a time: the calling thread and up to
     * {@code parallelism - 1} helpers from {@code helpers}. A helper the executor starts late (or refuses) only means
     * fewer rows at a time: the calling thread takes every row no helper took. How many attempts ended each way.
     */
    public Map<O, Integer> drain(Executor helpers, int parallelism) {
        Map<O, Integer> done = Collections.synchronizedMap(new EnumMap<>(outcomes));
        List<C> claimed = work.claim(BATCH);
        for (int batch = 1; !claimed.isEmpty(); batch++) {
            attemptAll(claimed, done, helpers, parallelism);
            claimed = batch < MOST_BATCHES_PER_ROUND ? work.claim(BATCH) : List.of();
        }
        Map<O, Integer> counted = new EnumMap<>(outcomes);
        synchronized (done) {
            counted.putAll(done);
        }
        return counted;
    }

    private void attemptAll(List<C> claimed, Map<O, Integer> done, Executor helpers, int parallelism) {
        Queue<C> rows = new ConcurrentLinkedQueue<>(claimed);
        CountDownLatch finished = new CountDownLatch(claimed.size());
        Runnable takeRows = () -> {
            for (C row = rows.poll(); row != null; row = rows.poll()) {
                try {
                    attempt(row, done);
                } finally {
                    finished.countDown();
                }
            }
        };
        for (int helper = 1; helper < Math.min(parallelism, claimed.size()); helper++) {
            try {
                helpers.execute(takeRows);
            } catch (RejectedExecutionException busy) {
                break;
            }
        }
        takeRows.run();
        try {
            // The rows helpers are still attempting: each attempt ends within its timeouts.
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted while attempts were still running", e);
        }
    }

    private void attempt(C row, Map<O, Integer> done) {
        try {
            if (Instant.now().plus(work.longestAttempt()).isAfter(work.leaseUntil(row))) {
                work.giveBack(row);
                return;
            }
            done.merge(work.attempt(row), 1, Integer::sum);
        } catch (RuntimeException e) {
            // One row that cannot be settled (a bug, a value the database refuses) must not hold up the rest;
            // it stays claimed until its lease ends, so it is tried again then rather than at once.
            log.log(Level.WARNING, what + ": an attempt broke; the row is tried again once its lease has ended", e);
        }
    }
}
