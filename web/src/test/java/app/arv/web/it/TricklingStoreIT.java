package app.arv.web.it;

import app.arv.storage.MisbehavingS3;
import app.arv.storage.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that sends a byte now and then (never silent for the read timeout) must not hold what the reader holds:
 * the compile job read a portrait inside its chunk's transaction, and each trickling portrait kept a pooled database
 * connection idle in transaction for as long as the read lasted (33 of them took the whole pool).
 */
@ExtendWith(ArvServer.class)
@Isolated("counts the server's connections idle in transaction")
class TricklingStoreIT {

    @Test
    void aPortraitReadFromATricklingStoreHoldsNoDatabaseConnection() throws Exception {
        try (MisbehavingS3 trickling = new MisbehavingS3(MisbehavingS3.Misbehaviour.TRICKLE)) {
            Api.Tenant tenant = Api.newTenant();
            Api.bearer(tenant.adminToken()).body(Map.of("name", "trickling", "provider", "S3", "endpoint", trickling.endpoint(),
                    "region", "us-east-1", "bucket", "arv-media", "access_key", S3ProxyServer.ACCESS_KEY,
                    "secret_key", S3ProxyServer.SECRET_KEY, "is_default", true))
                    .post("/storage-connections").then().statusCode(201);
            String project = MarkerApi.newProject(tenant.memberToken());
            int readsBefore = trickling.objectReads();

            MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
            awaitRead(trickling, readsBefore, Duration.ofSeconds(60));

            // The read goes on for many seconds (a byte every 100 ms): a connection held for it is idle that long.
            long held = 0;
            for (int i = 0; i < 16; i++) {
                Thread.sleep(500);
                held = Math.max(held, idleInTransactionFor(Duration.ofSeconds(3)));
            }
            assertThat(held).as("connections idle in transaction for over 3 s while the portrait trickles in").isZero();
        }
    }

    private static void awaitRead(MisbehavingS3 store, int before, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store.objectReads() <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The compile job did not read the portrait within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** The server's connections (the suite's database, other than this one) idle in a transaction for longer than {@code idle}. */
    private static long idleInTransactionFor(Duration idle) throws SQLException {
        try (Connection db = SuiteDatabase.connect();
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid() AND state = 'idle in transaction'"
                        + " AND now() - state_change > interval '" + idle.toSeconds() + " seconds'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
