package app.arv.web.it;

import app.arv.storage.MisbehavingS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that sends a byte now and then (never silent for the read timeout) must not hold what the reader holds:
 * the compile job read a portrait inside its chunk's transaction, and each trickling portrait kept a pooled database
 * connection idle in transaction for as long as the read lasted (33 of them took the whole pool). A generation worker
 * read its source image inside its message's transaction the same way, and the compile job wrote the compiled marker
 * inside its chunk's, after reading the content there.
 */
@ExtendWith(ArvServer.class)
@Isolated("counts the server's connections idle in transaction")
class TricklingStoreIT {

    @Test
    void aPortraitReadFromATricklingStoreHoldsNoDatabaseConnection() throws Exception {
        try (MisbehavingS3 trickling = new MisbehavingS3(MisbehavingS3.Misbehaviour.TRICKLE)) {
            Api.Tenant tenant = S3StorageIT.tenantStoringIn(trickling.endpoint());
            String project = MarkerApi.newProject(tenant.memberToken());
            int readsBefore = trickling.objectReads();

            MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
            await(trickling::objectReads, readsBefore, Duration.ofSeconds(60), "The compile job did not read the portrait");

            assertThat(mostHeldWhileReading()).as("connections idle in transaction for over 3 s while the portrait trickles in")
                    .isZero();
        }
    }

    @Test
    void aGenerationSourceReadFromATricklingStoreHoldsNoDatabaseConnection() throws Exception {
        try (MisbehavingS3 trickling = new MisbehavingS3(MisbehavingS3.Misbehaviour.TRICKLE)) {
            Api.Tenant tenant = S3StorageIT.tenantStoringIn(trickling.endpoint());
            int readsBefore = trickling.objectReads();

            String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
            await(trickling::objectReads, readsBefore, Duration.ofSeconds(60), "The generation worker did not read the source image");

            assertThat(mostHeldWhileReading()).as("connections idle in transaction for over 3 s while the source image trickles in")
                    .isZero();
            // Its attempts would go on meeting the store (slow, then gone) for the rest of the suite.
            Api.bearer(tenant.memberToken()).post("/generations/" + job + "/cancel").then().statusCode(200);
        }
    }

    @Test
    void aCompiledMarkerWrittenToASlowStoreHoldsNoDatabaseConnection() throws Exception {
        try (MisbehavingS3 slow = new MisbehavingS3(MisbehavingS3.Misbehaviour.SLOW_WRITES)) {
            Api.Tenant tenant = S3StorageIT.tenantStoringIn(slow.endpoint());
            String project = MarkerApi.newProject(tenant.memberToken());
            int writesBefore = slow.slowWrites();

            MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
            await(slow::slowWrites, writesBefore, Duration.ofSeconds(60), "The compile job did not write the compiled marker");

            assertThat(mostHeldWhileReading()).as("connections idle in transaction for over 3 s while the marker is written")
                    .isZero();
        }
    }

    /** Waits until {@code count} (of the store's reads or writes) has gone past {@code before}. */
    private static void await(IntSupplier count, int before, Duration timeout, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count.getAsInt() <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /**
     * The most connections seen idle in transaction for over 3 s, sampled for 8 s of a read just begun: the read goes
     * on for many seconds (a byte every 100 ms), so a connection held for it is idle that long.
     */
    private static long mostHeldWhileReading() throws Exception {
        long held = 0;
        for (int i = 0; i < 16; i++) {
            Thread.sleep(500);
            held = Math.max(held, idleInTransactionFor(Duration.ofSeconds(3)));
        }
        return held;
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
