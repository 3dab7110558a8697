package app.arv.web.it;

import app.arv.storage.S3ProxyServer;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The background side of storage: the orphan scan, deletions still owed (listed for admins, and named when they hold a
 * connection), and deletions that keep failing ending as dead letters.
 */
@ExtendWith(ArvServer.class)
class StorageMaintenanceIT {

    @TempDir
    Path directory;

    /**
     * Arrange an orphan the way a future feature could leave one (its owner removed the attachment
     * without releasing it), created longer ago than the grace period.
     */
    private static void orphanAndBackdate(String mediaId) throws SQLException {
        try (Connection db = SuiteDatabase.connect()) {
            update(db, "DELETE FROM media_attachment WHERE resource_id = ?::uuid AND entity_kind = 'UPLOAD'", mediaId);
            update(db, "UPDATE media_resource SET created_at = now() - interval '2 days' WHERE id = ?::uuid", mediaId);
        }
    }

    private static void expire(String uploadId) throws SQLException {
        try (Connection db = SuiteDatabase.connect()) {
            update(db, "UPDATE media_upload SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid", uploadId);
        }
    }

    private static void update(Connection db, String sql, String id) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
    }

    private static ValidatableResponse scan() {
        return Api.bearer(Api.platformAdminToken()).post("/admin/storage/orphan-scan").then().statusCode(200);
    }

    @Test
    void anOrphanOlderThanTheGracePeriodIsRemovedWithItsThumbnails() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String id = MediaApi.uploadOne(tenant.memberToken(), "rocket.jpg", MediaApi.image("rocket.jpg"));
        orphanAndBackdate(id);

        scan().body("scanned", equalTo(true)).body("orphans_retired", greaterThanOrEqualTo(3));

        MediaApi.as(tenant.memberToken()).get("/media/" + id).then().statusCode(404);
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).isZero();
        String metrics = RestAssured.given().baseUri(ArvServer.baseUrl()).queryParam("scope", "application")
                .get("/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("arv_media_orphans_removed_total").contains("arv_media_orphan_scans_total");
    }

    @Test
    void mediaInUseIsNotAnOrphan() {
        Api.Tenant tenant = Api.newTenant();
        String id = MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));

        scan();

        MediaApi.as(tenant.memberToken()).get("/media/" + id).then().statusCode(200);
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).isEqualTo(3);
    }

    @Test
    void onlyPlatformAdminsRunTheScan() {
        Api.bearer(Api.newTenant().adminToken()).post("/admin/storage/orphan-scan").then().statusCode(403);
    }

    @Test
    void aDeletionTheStoreKeepsRefusingEndsAsADeadLetterForAdmins() throws Exception {
        Api.Tenant tenant = Api.newTenant();

        String id = aFileDeletedWhileItsStoreIsDown(tenant, "s3").media();

        assertThat(deadLetterResources(tenant.adminToken())).contains(id).hasSize(3);
        Api.bearer(tenant.adminToken()).get("/admin/storage/dead-letters").then()
                .body("total", equalTo(3))
                .body("items.attempts", everyItem(equalTo(3)))
                .body("items.next_attempt_at", everyItem(notNullValue()))
                .body("items[0].last_error", containsString("S3"));
        Api.bearer(Api.newTenant().adminToken()).get("/admin/storage/dead-letters").then().statusCode(200)
                .body("items.resource_id", not(hasItem(id)));
        Api.bearer(Api.platformAdminToken()).get("/admin/storage/dead-letters").then().statusCode(200)
                .body("items.resource_id", hasItem(id));
    }

    @Test
    void anAdminPagesThroughTheirDeadLettersTheMostRecentlyParkedFirst() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String threeDaysAgo = DeletionRows.parked(tenant, null, Duration.ofDays(3)).key();
        String twoDaysAgo = DeletionRows.parked(tenant, null, Duration.ofDays(2)).key();
        String yesterday = DeletionRows.parked(tenant, null, Duration.ofDays(1)).key();

        Api.bearer(tenant.adminToken()).queryParam("limit", 2).get("/admin/storage/dead-letters").then().statusCode(200)
                .body("total", equalTo(3)).body("limit", equalTo(2)).body("offset", equalTo(0))
                .body("items.storage_key", contains(yesterday, twoDaysAgo));
        Api.bearer(tenant.adminToken()).queryParam("limit", 2).queryParam("offset", 2).get("/admin/storage/dead-letters").then()
                .statusCode(200).body("items.storage_key", contains(threeDaysAgo));
    }

    @Test
    void anAdminRetriesADeadLetterOnceItsStoreIsBack() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        DeadLettered deleted = aFileDeletedWhileItsStoreIsDown(tenant, "s3-back");
        String id = deleted.media();
        int port = deleted.storePort();
        String letter = Api.bearer(tenant.adminToken()).get("/admin/storage/dead-letters").then().statusCode(200)
                .extract().path("items.find { it.resource_id == '" + id + "' }.id");

        Api.bearer(tenant.adminToken()).post("/admin/storage/dead-letters/" + letter + "/retry").then().statusCode(200)
                .body("deleted", equalTo(false)).body("dead_letter.attempts", equalTo(4))
                .body("dead_letter.last_error", containsString("S3"));
        Api.bearer(Api.newTenant().adminToken()).post("/admin/storage/dead-letters/" + letter + "/retry").then().statusCode(404);
        S3ProxyServer back = new S3ProxyServer(directory.resolve("s3-back"), port);
        try {
            Api.bearer(tenant.adminToken()).post("/admin/storage/dead-letters/" + letter + "/retry").then().statusCode(200)
                    .body("deleted", equalTo(true));
        } finally {
            back.close();
        }

        assertThat(deadLetterResources(tenant.adminToken())).doesNotContain(id).hasSize(2);
    }

    @Test
    void anExpiredDirectUploadIsAbandonedWithItsObject() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (S3ProxyServer s3 = new S3ProxyServer(directory.resolve("s3"))) {
            s3.createBucket("arv-media");
            String connection = Api.bearer(tenant.adminToken()).body(S3StorageIT.bucket("direct", s3.endpoint(), true))
                    .post("/storage-connections").then().statusCode(201).extract().path("id");
            byte[] coins = MediaApi.image("coins.png");
            var started = Api.bearer(tenant.memberToken()).body(Map.of("file_name", "coins.png",
                    "size_bytes", coins.length, "sha256", MediaApi.sha256(coins))).post("/media/uploads").then()
                    .statusCode(201).extract();
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(started.path("url"))).PUT(HttpRequest.BodyPublishers.ofByteArray(coins)).build(),
                    HttpResponse.BodyHandlers.discarding());
            expire(started.path("upload_id"));

            scan();

            Api.bearer(tenant.adminToken()).get("/storage-connections/" + connection + "/stats").then().body("objects", equalTo(0));
            MediaApi.as(tenant.memberToken()).post("/media/uploads/" + started.path("upload_id") + "/complete").then().statusCode(404);
        }
    }

    @Test
    void aConnectionWhoseOnlyFileWasDeletedCanBeDeletedOnceItsObjectsAreGone() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (S3ProxyServer s3 = new S3ProxyServer(directory.resolve("s3"))) {
            s3.createBucket("arv-media");
            String connection = Api.bearer(tenant.adminToken()).body(S3StorageIT.bucket("short-lived", s3.endpoint(), true))
                    .post("/storage-connections").then().statusCode(201).extract().path("id");
            String id = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));
            MediaApi.as(tenant.memberToken()).delete("/media/" + id).then().statusCode(204);
            // The object deletions are tried right after the commit (asynchronously), and by each scan.
            int status = 409;
            for (int round = 0; round < 5 && status == 409; round++) {
                scan();
                status = Api.bearer(tenant.adminToken()).delete("/storage-connections/" + connection).then().extract().statusCode();
            }

            assertThat(status).isEqualTo(204);
            Api.bearer(tenant.adminToken()).get("/storage-connections/" + connection).then().statusCode(404);
        }
    }

    @Test
    void anAdminPagesThroughTheDeletionsTheirOrganizationStillOwes() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        Api.Tenant other = Api.newTenant();
        List<String> owed = List.of(owedIn(tenant, null, 1), owedIn(tenant, null, 2), owedIn(tenant, null, 3));
        String foreign = owedIn(other, null, 1);

        Api.bearer(tenant.adminToken()).queryParam("limit", 2).get("/admin/storage/deletions").then().statusCode(200)
                .body("total", equalTo(3)).body("limit", equalTo(2)).body("offset", equalTo(0))
                .body("items.storage_key", contains(owed.get(0), owed.get(1)))
                .body("items.why", everyItem(equalTo("staged_not_recorded")))
                .body("items.resource_id", everyItem(nullValue()))
                .body("items.next_attempt_at", everyItem(notNullValue()));
        Api.bearer(tenant.adminToken()).queryParam("limit", 2).queryParam("offset", 2).get("/admin/storage/deletions").then()
                .statusCode(200).body("items.storage_key", contains(owed.get(2)));
        Api.bearer(tenant.adminToken()).queryParam("limit", 200).get("/admin/storage/deletions").then().statusCode(200)
                .body("items.storage_key", not(hasItem(foreign)));
    }

    @Test
    void onlyAdminsSeeTheOwedDeletions() {
        Api.bearer(Api.newTenant().memberToken()).get("/admin/storage/deletions").then().statusCode(403);
    }

    @Test
    void aConnectionHeldByAStagedFilesDeletionIsRefusedSayingSoAndWhereToSeeIt() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String connection = Api.bearer(tenant.adminToken())
                .body(Map.of("name", "crashed", "provider", "LOCAL", "directory", "crashed"))
                .post("/storage-connections").then().statusCode(201).extract().path("id");
        owedIn(tenant, connection, 1);

        Api.bearer(tenant.adminToken()).delete("/storage-connections/" + connection).then().statusCode(409)
                .body("code", equalTo("storage_connection_in_use"))
                .body("detail", containsString("1 file written through it awaits its deletion"))
                .body("detail", containsString("/api/v1/admin/storage/deletions"))
                .body("detail", not(containsString("stored through it")))
                .body("holding.media", equalTo(0)).body("holding.owed_deletions", equalTo(1))
                .body("holding.owed_deletions_due_from", notNullValue()).body("holding.dead_letters", equalTo(0))
                .body("holding.direct_uploads", equalTo(0));
    }

    /**
     * The deletion a staged file's node owed before it stopped (written, never recorded), through {@code connection}
     * ({@code null}: the platform's store), due {@code days} days from now: the deletion timer leaves it alone meanwhile.
     *
     * @return its storage key
     */
    /** A file and its two thumbnails, dead-lettered: deleted while the S3 store it lives in was down (on {@code storePort}). */
    private record DeadLettered(String media, int storePort) {
    }

    private DeadLettered aFileDeletedWhileItsStoreIsDown(Api.Tenant tenant, String storeDirectory) throws Exception {
        S3ProxyServer s3 = new S3ProxyServer(directory.resolve(storeDirectory));
        s3.createBucket("arv-media");
        Api.bearer(tenant.adminToken()).body(S3StorageIT.bucket("soon gone", s3.endpoint(), true))
                .post("/storage-connections").then().statusCode(201);
        String id = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));
        int port = s3.port();
        s3.close();
        MediaApi.as(tenant.memberToken()).delete("/media/" + id).then().statusCode(204);
        // The image and its two thumbnails are three deletions, each tried right after the commit (asynchronously) and
        // then once per scan: one may reach its third attempt a scan after another.
        for (int round = 0; round < 8 && deadLetterResources(tenant.adminToken()).size() < 3; round++) {
            scan();
        }
        return new DeadLettered(id, port);
    }

    /** The key of a staged object's deletion owed by {@code tenant}, due in {@code days}. */
    private static String owedIn(Api.Tenant tenant, String connection, int days) throws SQLException {
        return DeletionRows.owed(tenant, connection, Duration.ofDays(days)).key();
    }

    private static List<String> deadLetterResources(String adminToken) {
        return Api.bearer(adminToken).get("/admin/storage/dead-letters").then().statusCode(200).extract().path("items.resource_id");
    }
}
