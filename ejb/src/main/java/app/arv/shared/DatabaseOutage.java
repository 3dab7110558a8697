package app.arv.shared;

import jakarta.resource.spi.ResourceAllocationException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A failure that says the database could not be reached or no connection to it was free — the installation's state,
 * not the request's: a 503 the client may retry, not a 500 to report. Recognized by the standard signs a driver and the
 * container's pool give (SQLState class 08 "connection exception", the JDBC connection exception types, the pool's
 * allocation failure), so no provider's exception types are needed here. The web layer answers such a failure with 503
 * {@code database_unavailable}; a generation worker waits it out ({@code app.arv.generation}).
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        return Causes.of(failure).anyMatch(DatabaseOutage::saysSo);
    }

    private static boolean saysSo(Throwable t) {
        return t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ResourceAllocationException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }
}
