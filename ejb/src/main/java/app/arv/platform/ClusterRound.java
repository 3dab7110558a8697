package app.arv.platform;

import app.arv.persistence.shared.ClusterLock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Periodic work that every node schedules and one node per round does: retention passes, link and session clean-ups,
 * expiry announcements. {@link ClusterRounds} schedules each round on every node, holds the round's {@link ClusterLock}
 * for its transaction and logs what it did; the round says only what the work is. Implementations are CDI beans.
 */
public interface ClusterRound {

    /** The interval of the clean-ups that need no setting of their own. */
    Duration HOURLY = Duration.ofHours(1);

    /** The round's lock, which also names its timer: whoever holds it does the round, the other nodes skip it. */
    ClusterLock lock();

    /** How often every node tries the round; empty when this installation has the work switched off. */
    Optional<Duration> interval();

    /**
     * Does one round as of {@code now}, in the round's transaction with its lock held.
     *
     * @return what was done, for the log; empty when there was nothing to do
     */
    Optional<String> run(Instant now);

    /** What a deleting round did, for the log: "{@code count what} were deleted", or empty when it deleted nothing. */
    static Optional<String> removed(int count, String what) {
        return count > 0 ? Optional.of(count + " " + what + " were deleted") : Optional.empty();
    }
}
