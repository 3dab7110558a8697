package app.arv.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Work kept in a table that every node drains: a node claims due rows with a lease ({@code FOR UPDATE SKIP LOCKED}),
 * attempts each outside any transaction and settles it; a node that dies mid-attempt leaves the row to another once
 * the lease ends. The mail outbox and webhook deliveries are such work; {@link LeasedRounds} drains it.
 *
 * @param <C> a claimed row, with its lease
 * @param <O> what became of an attempt
 */
public interface LeasedWork<C, O extends Enum<O>> {

    /** Claims at most {@code most} due rows for this node, each with a lease; none when nothing is due. */
    List<C> claim(int most);

    Instant leaseUntil(C claimed);

    /** The longest one attempt can take (timeouts included): an attempt must end inside its lease. */
    Duration longestAttempt();

    /** Returns a row untried, for this or another node's next round. */
    void giveBack(C claimed);

    /** Attempts the work and settles the row in its own transaction. */
    O attempt(C claimed);
}
