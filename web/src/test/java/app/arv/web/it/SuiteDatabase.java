package app.arv.web.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** The suite's PostgreSQL, for a test that must see or arrange what the API does not show (a lock, a row's state). */
final class SuiteDatabase {

    private SuiteDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(ArvServer.stack().jdbcUrl(), ArvServer.stack().databaseUser(),
                ArvServer.stack().databasePassword());
    }

    /** Runs one statement (the test's own text, never input); how many rows it changed. */
    static int execute(String sql) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            return statement.executeUpdate();
        }
    }

    /** How many rows of the organization {@code table} holds (a table name of the test's own, never input). */
    static long rowsOf(String table, UUID organization) throws SQLException {
        try (Connection db = connect();
                PreparedStatement count = db.prepareStatement("SELECT count(*) FROM " + table + " WHERE organization_id = ?")) {
            count.setObject(1, organization);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
