package app.arv.web.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object deletions written straight into the suite's database, in states the API makes only after a crash (a staged
 * object never recorded) or after a store refused every attempt (a dead letter).
 */
final class DeletionRows {

    /** A deletion's id and the storage key it deletes. */
    record Deletion(UUID id, String key) {
    }

    private DeletionRows() {
    }

    /**
     * A staged object of {@code tenant} never recorded (its node stopped first), written through {@code connection} (or
     * none), whose deletion is due in {@code dueIn}.
     */
    static Deletion owed(Api.Tenant tenant, String connection, Duration dueIn) throws SQLException {
        Deletion owed = new Deletion(UUID.randomUUID(), "orgs/" + tenant.organizationId() + "/media/zz/staged-" + UUID.randomUUID());
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement statement = db.prepareStatement("INSERT INTO media_deletion"
                        + " (id, organization_id, resource_id, storage_connection_id, storage_key, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, NULL, ?::uuid, ?, 0, now() + make_interval(secs => ?), now())")) {
            statement.setObject(1, owed.id());
            statement.setObject(2, tenant.organizationId());
            statement.setString(3, connection);
            statement.setString(4, owed.key());
            statement.setLong(5, dueIn.toSeconds());
            assertThat(statement.executeUpdate()).isOne();
        }
        return owed;
    }

    /**
     * The deletion of {@code resource}'s object (or of a staged one: {@code null}) parked {@code ago} as a dead letter
     * after three refusals, due again in an hour.
     */
    static Deletion parked(Api.Tenant tenant, String resource, Duration ago) throws SQLException {
        Deletion parked = new Deletion(UUID.randomUUID(), "orgs/" + tenant.organizationId() + "/media/zz/gone-" + UUID.randomUUID());
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement statement = db.prepareStatement("INSERT INTO media_deletion_dead_letter (id, organization_id,"
                        + " resource_id, storage_key, attempts, last_error, first_attempt_at, parked_at, last_attempt_at,"
                        + " next_attempt_at) VALUES (?, ?, ?::uuid, ?, 3, 'S3 delete failed (connection refused)',"
                        + " now() - make_interval(secs => ?), now() - make_interval(secs => ?), now(), now() + interval '1 hour')")) {
            statement.setObject(1, parked.id());
            statement.setObject(2, tenant.organizationId());
            statement.setString(3, resource);
            statement.setString(4, parked.key());
            statement.setLong(5, ago.toSeconds());
            statement.setLong(6, ago.toSeconds());
            assertThat(statement.executeUpdate()).isOne();
        }
        return parked;
    }
}
