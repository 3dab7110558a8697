package app.arv.web.problem;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import org.hibernate.StaleStateException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures count as a race another transaction won (409 concurrent_change) rather than a fault of ours (500). */
class ConcurrentChangeTest {

    private static PersistenceException wrapped(String sqlState) {
        return new PersistenceException("could not execute statement",
                new RuntimeException("constraint", new SQLException("ERROR: the database says so", sqlState)));
    }

    @Test
    void aUniqueKeyAnotherTransactionTookFirstIsAConcurrentChange() {
        assertThat(ConcurrentChange.in(wrapped("23505"))).hasValueSatisfying(report -> assertThat(report)
                .isInstanceOfSatisfying(SQLException.class, sql -> assertThat(sql.getSQLState()).isEqualTo("23505")));
    }

    @Test
    void aSerializationFailureAndABrokenDeadlockAreConcurrentChanges() {
        assertThat(ConcurrentChange.in(wrapped("40001"))).isPresent();
        assertThat(ConcurrentChange.in(wrapped("40P01"))).isPresent();
    }

    @Test
    void aRowAnotherTransactionDeletedBeforeThisOneWroteItIsAConcurrentChange() {
        StaleStateException stale = new StaleStateException("Batch update returned unexpected row count from update [0]");

        assertThat(ConcurrentChange.in(new RollbackException("Error while committing the transaction",
                new OptimisticLockException("Row was updated or deleted by another transaction", stale)))).isPresent();
        assertThat(ConcurrentChange.in(new EJBException(stale))).as("as Hibernate reports it").isPresent();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(ConcurrentChange.in(wrapped("23503"))).as("a foreign key").isEmpty();
        assertThat(ConcurrentChange.in(wrapped("22001"))).as("a value too long").isEmpty();
        assertThat(ConcurrentChange.in(new IllegalStateException("no SQL at all"))).isEmpty();
    }
}
