package app.arv.platform;

import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one shape of ARV's retention rounds: hourly, when the installation keeps the rows for a while ({@link #keepFor}
 * empty: for ever, the round is off), one node deletes the rows kept long enough in batches of {@value #BATCH}, each
 * committed on its own ({@link RetentionBatches}), until a batch finds fewer or {@value #MOST_BATCHES} are done (the
 * rest waits for the next round): a backlog is never one huge transaction holding its locks.
 */
public abstract class RetentionRound implements ClusterRound {

    public static final int BATCH = 1000;
    public static final int MOST_BATCHES = 100;

    @Inject
    RetentionBatches batches;

    /** How long rows are kept; empty: for ever. */
    protected abstract Optional<Duration> keepFor();

    /** Deletes at most {@code most} of the rows kept since before {@code before}; the number deleted. */
    protected abstract int removeBatch(Instant before, int most);

    /** What the round deletes, kept {@code keptFor}, for the log: "sent or dead mails older than P30D". */
    protected abstract String removedWhat(Duration keptFor);

    @Override
    public Optional<Duration> interval() {
        return keepFor().map(keep -> HOURLY);
    }

    @Override
    public Optional<String> run(Instant now) {
        Duration keep = keepFor().orElseThrow();
        Instant before = now.minus(keep);
        return ClusterRound.removed(inBatches(most -> removeBatch(before, most)), removedWhat(keep));
    }

    /**
     * Runs {@code batch} until it deletes fewer than a batch or the round's batches are done; the number deleted. Not
     * final: the rounds are normal-scoped beans, and their proxies override every method.
     */
    protected int inBatches(RetentionBatches.Batch batch) {
        int removed = 0;
        for (int round = 0; round < MOST_BATCHES; round++) {
            int batchRemoved = batches.remove(batch, BATCH);
            removed += batchRemoved;
            if (batchRemoved < BATCH) {
                break;
            }
        }
        return removed;
    }
}
