package app.arv.web.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The suite's PostgreSQL, for a test that must see or arrange what the API does not show (a lock, a row's state). */
final class SuiteDatabase {

    private SuiteDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(ArvServer.stack().jdbcUrl(), ArvServer.stack().databaseUser(),
                ArvServer.stack().databasePassword());
    }
}
