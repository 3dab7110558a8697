package app.arv.web.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * A compile job kept running until closed. A transaction of the test's own row-locks the project's items the job is
 * still compiling; the job records an item's outcome under that row's lock, so each chunk waits at its writer instead
 * of finishing, and the job cannot complete. What an operator does to a running job (stop, restart, abandon) is then
 * tested against a job that is still running, however quickly the machine compiles (a job of 24 portraits takes a few
 * seconds, and five in a row once ended before a console click landed). Closing rolls the transaction back: the job
 * goes on from where it waited.
 */
final class HeldCompilation implements AutoCloseable {

    private final Connection db;
    private final long execution;

    private HeldCompilation(Connection db, long execution) {
        this.db = db;
        this.execution = execution;
    }

    /** Holds the job that compiles the portraits just uploaded to the project, once it has claimed them. */
    static HeldCompilation of(Api.Tenant tenant, String projectId, Duration timeout) throws SQLException, InterruptedException {
        Connection db = SuiteDatabase.connect();
        try {
            db.setAutoCommit(false);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!lockCompiling(db, projectId)) {
                db.rollback();
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("No item of project " + projectId + " was compiling within " + timeout);
                }
                Thread.sleep(20);
            }
            return new HeldCompilation(db, BatchJobsApi.awaitExecution(tenant.organizationId(), "STARTED", timeout).executionId());
        } catch (SQLException | RuntimeException | InterruptedException | AssertionError e) {
            db.close();
            throw e;
        }
    }

    /** Locks the items still compiling (a chunk recording one is waited for; one it recorded meanwhile is left out). */
    private static boolean lockCompiling(Connection db, String projectId) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement(
                "SELECT id FROM ar_content WHERE project_id = ? AND marker_status = 'COMPILING' FOR UPDATE")) {
            lock.setObject(1, UUID.fromString(projectId));
            try (ResultSet held = lock.executeQuery()) {
                return held.next();
            }
        }
    }

    /** The execution held. */
    long execution() {
        return execution;
    }

    @Override
    public void close() throws SQLException {
        try (db) {
            db.rollback();
        }
    }
}
