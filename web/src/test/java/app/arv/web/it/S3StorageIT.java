package app.arv.web.it;

import app.arv.storage.S3ProxyServer;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** An organization whose default storage is an S3 bucket (S3Proxy started by the test): uploads, downloads, direct uploads. */
@ExtendWith(ArvServer.class)
class S3StorageIT {

    private static final String SECRET = S3ProxyServer.SECRET_KEY;

    @TempDir
    static Path directory;
    private static S3ProxyServer s3;
    private static Api.Tenant tenant;
    private static String connection;

    @BeforeAll
    static void tenantWithABucket() throws Exception {
        s3 = new S3ProxyServer(directory.resolve("s3"));
        s3.createBucket("arv-media");
        tenant = Api.newTenant();
        connection = Api.bearer(tenant.adminToken()).body(bucket("media bucket", s3.endpoint(), true))
                .post("/storage-connections").then().statusCode(201).extract().path("id");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    static Map<String, Object> bucket(String name, String endpoint, boolean isDefault) {
        return Map.of("name", name, "provider", "S3", "endpoint", endpoint, "region", "us-east-1", "bucket", "arv-media",
                "access_key", S3ProxyServer.ACCESS_KEY, "secret_key", SECRET, "is_default", isDefault);
    }

    /** A new organization whose default storage connection is the arv-media bucket at {@code endpoint}. */
    static Api.Tenant tenantStoringIn(String endpoint) {
        Api.Tenant tenant = Api.newTenant();
        Api.bearer(tenant.adminToken()).body(bucket("media bucket", endpoint, true)).post("/storage-connections").then().statusCode(201);
        return tenant;
    }

    private static long objectsInBucket() {
        return ((Number) Api.bearer(tenant.adminToken()).get("/storage-connections/" + connection + "/stats")
                .then().statusCode(200).extract().path("objects")).longValue();
    }

    private static HttpResponse<byte[]> fetch(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theSecretIsNeverReturned() {
        String created = Api.bearer(tenant.adminToken()).get("/storage-connections/" + connection).then().statusCode(200)
                .body("secret_set", equalTo(true)).body("$", not(hasKey("secret_key")))
                .extract().asString();

        assertThat(created).doesNotContain(SECRET);
        assertThat(Api.bearer(tenant.adminToken()).get("/storage-connections").asString()).doesNotContain(SECRET);
    }

    @Test
    void theConnectionTestWritesReadsAndDeletesAProbe() {
        long before = objectsInBucket();

        Api.bearer(tenant.adminToken()).post("/storage-connections/" + connection + "/test").then().statusCode(200)
                .body("ok", equalTo(true))
                .body("steps.name", contains("write", "read", "delete"))
                .body("steps.ok", everyItem(equalTo(true)))
                .body("steps.millis", everyItem(greaterThanOrEqualTo(0)));

        assertThat(objectsInBucket()).isEqualTo(before);
    }

    @Test
    void aConnectionToNothingFailsItsTestAtTheWriteStep() {
        String nowhere = Api.bearer(tenant.adminToken()).body(bucket("nowhere", "http://127.0.0.1:9", false))
                .post("/storage-connections").then().statusCode(201).extract().path("id");

        Api.bearer(tenant.adminToken()).post("/storage-connections/" + nowhere + "/test").then().statusCode(200)
                .body("ok", equalTo(false)).body("steps.name", contains("write")).body("steps[0].ok", equalTo(false));
    }

    @Test
    void uploadsGoToTheBucketAndDownloadsRedirectToAPresignedUrl() throws Exception {
        long before = objectsInBucket();
        byte[] rocket = MediaApi.image("rocket.jpg");
        String id = MediaApi.uploadOne(tenant.memberToken(), "rocket.jpg", rocket);
        assertThat(objectsInBucket()).isEqualTo(before + 3);

        Response redirect = MediaApi.as(tenant.memberToken()).get("/media/" + id + "/content");

        assertThat(redirect.statusCode()).isEqualTo(302);
        var presigned = fetch(HttpRequest.newBuilder(URI.create(redirect.header("Location"))).build());
        assertThat(presigned.statusCode()).isEqualTo(200);
        assertThat(presigned.body()).isEqualTo(rocket);
    }

    @Test
    void aClientCanAskForTheBytesThroughArvInstead() {
        byte[] coins = MediaApi.image("coins.png");
        String id = MediaApi.uploadOne(tenant.memberToken(), "coins.png", coins);

        byte[] proxied = MediaApi.as(tenant.memberToken()).queryParam("redirect", false).header("Range", "bytes=0-99")
                .get("/media/" + id + "/content").then().statusCode(206)
                .header("ETag", "\"" + MediaApi.sha256(coins) + "\"").extract().asByteArray();

        assertThat(proxied).isEqualTo(Arrays.copyOf(coins, 100));
    }

    @Test
    void aVideoOverlayInTheBucketIsServedToTheViewerInTheRangesAskedFor() {
        String id = MarkerApi.readyOne(tenant.memberToken(), MarkerApi.newProject(tenant.memberToken()), "coins.png",
                Duration.ofSeconds(120));
        byte[] clip = MediaApi.image("clip.mp4");
        MediaApi.as(tenant.memberToken()).multiPart("file", "clip.mp4", clip, "video/mp4")
                .post("/ar-content/" + id + "/overlays").then().statusCode(201);
        String uniqueId = MediaApi.as(tenant.memberToken()).get("/ar-content/" + id).then().extract().path("unique_id");

        byte[] middle = ViewerIT.overlayRange(uniqueId, 100, 199);

        assertThat(middle).isEqualTo(Arrays.copyOfRange(clip, 100, 200));
    }

    @Test
    void aDirectUploadIsVerifiedAndRegistered() throws Exception {
        byte[] chelsea = MediaApi.image("chelsea.png");
        var started = Api.bearer(tenant.memberToken()).body(Map.of("file_name", "chelsea.png", "size_bytes", chelsea.length,
                "sha256", MediaApi.sha256(chelsea))).post("/media/uploads").then().statusCode(201)
                .body("method", equalTo("PUT")).extract();

        var put = fetch(HttpRequest.newBuilder(URI.create(started.path("url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chelsea)).build());
        assertThat(put.statusCode()).isEqualTo(200);

        var completed = MediaApi.as(tenant.memberToken()).post("/media/uploads/" + started.path("upload_id") + "/complete").then()
                .statusCode(201).body("media_type", equalTo("image/png")).body("width", equalTo(451))
                .body("sha256", equalTo(MediaApi.sha256(chelsea))).body("thumbnails.width", contains(256, 451)).extract();
        assertThat(completed.header("Location")).endsWith("/api/v1/media/" + completed.path("id"));
    }

    @Test
    void anAnnouncedDirectUploadIsLocatedAndCompletedThere() throws Exception {
        byte[] coins = MediaApi.image("coins.png");
        var started = Api.bearer(tenant.memberToken()).body(Map.of("file_name", "coins.png", "size_bytes", coins.length,
                "sha256", MediaApi.sha256(coins))).post("/media/uploads").then().statusCode(201).extract();
        fetch(HttpRequest.newBuilder(URI.create(started.path("url"))).PUT(HttpRequest.BodyPublishers.ofByteArray(coins)).build());

        String location = started.header("Location");

        assertThat(location).endsWith("/api/v1/media/uploads/" + started.path("upload_id"));
        MediaApi.as(tenant.memberToken()).basePath("").get(location).then().statusCode(200)
                .body("state", equalTo("pending")).body("file_name", equalTo("coins.png")).body("media_id", equalTo(null));
        String media = MediaApi.as(tenant.memberToken()).basePath("").post(location + "/complete").then().statusCode(201)
                .body("sha256", equalTo(MediaApi.sha256(coins))).extract().path("id");
        MediaApi.as(tenant.memberToken()).basePath("").get(location).then().statusCode(200)
                .body("state", equalTo("completed")).body("media_id", equalTo(media));
    }

    @Test
    void anotherOrganizationsUploadIsNotFound() {
        byte[] coins = MediaApi.image("coins.png");
        String upload = Api.bearer(tenant.memberToken()).body(Map.of("file_name", "coins.png", "size_bytes", coins.length,
                "sha256", MediaApi.sha256(coins))).post("/media/uploads").then().statusCode(201).extract().path("upload_id");

        Api.bearer(Api.newTenant().memberToken()).get("/media/uploads/" + upload).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aDirectUploadThatIsNotWhatWasAnnouncedIsRefusedAndDeleted() throws Exception {
        byte[] horse = MediaApi.image("horse.png");
        long before = objectsInBucket();
        var started = Api.bearer(tenant.memberToken()).body(Map.of("file_name", "horse.png", "size_bytes", horse.length,
                "sha256", MediaApi.sha256("something else".getBytes()))).post("/media/uploads").then().statusCode(201).extract();
        fetch(HttpRequest.newBuilder(URI.create(started.path("url"))).PUT(HttpRequest.BodyPublishers.ofByteArray(horse)).build());

        MediaApi.as(tenant.memberToken()).post("/media/uploads/" + started.path("upload_id") + "/complete").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("upload_hash_mismatch"));

        assertThat(objectsInBucket()).isEqualTo(before);
    }

    @Test
    void directUploadsNeedAStoreThatPresigns() {
        Api.Tenant local = Api.newTenant();

        Api.bearer(local.memberToken()).body(Map.of("file_name", "a.png", "size_bytes", 10, "sha256", "a".repeat(64)))
                .post("/media/uploads").then().statusCode(409).body("code", equalTo("direct_upload_unavailable"));
    }

    @Test
    void anotherOrganizationsConnectionIsNotFound() {
        Api.Tenant other = Api.newTenant();

        Api.bearer(other.adminToken()).get("/storage-connections/" + connection).then().statusCode(404);
        Api.bearer(other.adminToken()).post("/storage-connections/" + connection + "/test").then().statusCode(404);
        Api.bearer(other.adminToken()).get("/storage-connections/" + connection + "/stats").then().statusCode(404);
        Api.bearer(other.adminToken()).delete("/storage-connections/" + connection).then().statusCode(404);
    }

    @Test
    void membersCannotManageStorage() {
        Api.bearer(tenant.memberToken()).get("/storage-connections").then().statusCode(403);
    }

    @Test
    void aCompletedDirectUploadCannotBeReplacedThroughItsUrl() throws Exception {
        byte[] coffee = MediaApi.image("coffee.png");
        var started = Api.bearer(tenant.memberToken()).body(Map.of("file_name", "coffee.png", "size_bytes", coffee.length,
                "sha256", MediaApi.sha256(coffee))).post("/media/uploads").then().statusCode(201).extract();
        URI url = URI.create(started.path("url"));
        fetch(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(coffee)).build());
        String id = MediaApi.as(tenant.memberToken()).post("/media/uploads/" + started.path("upload_id") + "/complete").then()
                .statusCode(201).extract().path("id");

        fetch(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(MediaApi.image("horse.png"))).build());

        byte[] stored = MediaApi.as(tenant.memberToken()).queryParam("redirect", false).get("/media/" + id + "/content")
                .then().statusCode(200).extract().asByteArray();
        assertThat(stored).isEqualTo(coffee);
    }

    @Test
    void twoConcurrentCompletionsAnswerTheSameMediaAndKeepItsObject() throws Exception {
        byte[] astronaut = MediaApi.image("astronaut.png");
        var started = Api.bearer(tenant.memberToken()).body(Map.of("file_name", "astronaut.png", "size_bytes", astronaut.length,
                "sha256", MediaApi.sha256(astronaut))).post("/media/uploads").then().statusCode(201).extract();
        fetch(HttpRequest.newBuilder(URI.create(started.path("url"))).PUT(HttpRequest.BodyPublishers.ofByteArray(astronaut)).build());
        HttpRequest complete = HttpRequest.newBuilder(URI.create(ArvServer.baseUrl() + "/api/v1/media/uploads/"
                + started.path("upload_id") + "/complete"))
                .header("Authorization", "Bearer " + tenant.memberToken()).POST(HttpRequest.BodyPublishers.noBody()).build();

        var first = HttpClient.newHttpClient().sendAsync(complete, HttpResponse.BodyHandlers.ofString());
        var second = HttpClient.newHttpClient().sendAsync(complete, HttpResponse.BodyHandlers.ofString());

        assertThat(first.get().statusCode()).isEqualTo(201);
        assertThat(second.get().statusCode()).isEqualTo(201);
        String id = io.restassured.path.json.JsonPath.from(first.get().body()).getString("id");
        assertThat(io.restassured.path.json.JsonPath.from(second.get().body()).getString("id")).isEqualTo(id);
        byte[] stored = MediaApi.as(tenant.memberToken()).queryParam("redirect", false).get("/media/" + id + "/content")
                .then().statusCode(200).extract().asByteArray();
        assertThat(stored).isEqualTo(astronaut);
    }
}
