package app.arv.web.problem;

import app.arv.shared.Causes;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * A failure that says another transaction changed the same rows at the same moment and won: a unique key it took first
 * (SQLState 23505), a serialization failure (40001), a deadlock PostgreSQL broke by ending this one (40P01), or a row
 * this transaction read and then changed that another deleted (or changed) before the write reached it (Hibernate's
 * {@link StaleStateException}, which JPA reports as an {@link OptimisticLockException}). The services take locks where
 * they know of such a race; this is the net under the races nobody has foreseen, so that the client hears "try again"
 * (409) rather than "our bug" (500). The database's or Hibernate's own words go to the log, which names the constraint
 * or the rows, for whoever looks for the race.
 */
final class ConcurrentChange {

    private static final Set<String> STATES = Set.of("23505", "40001", "40P01");

    private ConcurrentChange() {
    }

    /** The database's or Hibernate's report of the collision, if the failure is one. */
    static Optional<Exception> in(Throwable failure) {
        return Causes.of(failure).filter(ConcurrentChange::reportsCollision).map(Exception.class::cast).findFirst();
    }

    private static boolean reportsCollision(Throwable failure) {
        return failure instanceof SQLException sql && STATES.contains(sql.getSQLState())
                || failure instanceof StaleStateException || failure instanceof OptimisticLockException;
    }
}
