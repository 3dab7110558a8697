package app.arv.web.it;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key}: a repeated request gets the first answer and does no second piece of work. */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.LONG)
class IdempotencyIT {

    private static final String KEY = "Idempotency-Key";

    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    @Test
    void aRepeatedGenerationUploadReplaysTheFirstAnswerAndQueuesNoSecondJob() {
        String key = newKey();
        Response first = generationUpload(tenant.memberToken(), key).post("/generations");
        Response again = generationUpload(tenant.memberToken(), key).post("/generations");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(total(tenant.memberToken(), "/generations")).isEqualTo(1);
    }

    @Test
    void aRepeatedGenerationFromMediaIdsReplaysTheFirstAnswer() {
        String media = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));
        String key = newKey();
        Map<String, Object> body = Map.of("media_ids", List.of(media), "face_limit", 2000);

        Response first = Api.bearer(tenant.memberToken()).header(KEY, key).body(body).post("/generations");
        Response again = Api.bearer(tenant.memberToken()).header(KEY, key).body(body).post("/generations");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(total(tenant.memberToken(), "/generations")).isEqualTo(1);
    }

    @Test
    void aRepeatedMediaUploadReplaysTheFirstAnswer() {
        String key = newKey();
        Response first = MediaApi.as(tenant.memberToken()).header(KEY, key)
                .multiPart("files", "horse.png", MediaApi.image("horse.png"), "application/octet-stream").post("/media");
        Response again = MediaApi.as(tenant.memberToken()).header(KEY, key)
                .multiPart("files", "horse.png", MediaApi.image("horse.png"), "application/octet-stream").post("/media");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isNotBlank().isEqualTo(first.header("Location"));
        assertThat(total(tenant.memberToken(), "/media")).isEqualTo(1);
    }

    @Test
    void aRepeatedArContentCreationReplaysItsLocationAndCreatesNoSecondContent() {
        String project = MarkerApi.newProject(tenant.memberToken());
        String key = newKey();
        Response first = arContent(tenant.memberToken(), key, "Chelsea").post("/projects/" + project + "/ar-content");
        Response again = arContent(tenant.memberToken(), key, "Chelsea").post("/projects/" + project + "/ar-content");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isNotBlank().isEqualTo(first.header("Location"));
        assertThat(total(tenant.memberToken(), "/projects/" + project + "/ar-content")).isEqualTo(1);
    }

    @Test
    void aRepeatedArContentBatchCreatesNoSecondBatch() {
        String project = MarkerApi.newProject(tenant.memberToken());
        String key = newKey();
        Response first = batch(tenant.memberToken(), key).post("/projects/" + project + "/ar-content/batch");
        Response again = batch(tenant.memberToken(), key).post("/projects/" + project + "/ar-content/batch");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(total(tenant.memberToken(), "/projects/" + project + "/ar-content")).isEqualTo(2);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedAsReused() {
        String project = MarkerApi.newProject(tenant.memberToken());
        String key = newKey();
        arContent(tenant.memberToken(), key, "Chelsea").post("/projects/" + project + "/ar-content").then().statusCode(202);

        Response other = arContent(tenant.memberToken(), key, "Someone else").post("/projects/" + project + "/ar-content");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.<String>path("code")).isEqualTo("idempotency_key_reused");
        assertThat(total(tenant.memberToken(), "/projects/" + project + "/ar-content")).isEqualTo(1);
    }

    @Test
    void theSameKeyOnAnotherEndpointIsRefusedAsReused() {
        String key = newKey();
        generationUpload(tenant.memberToken(), key).post("/generations").then().statusCode(202);

        Response other = MediaApi.as(tenant.memberToken()).header(KEY, key)
                .multiPart("files", "horse.png", MediaApi.image("horse.png"), "application/octet-stream").post("/media");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.<String>path("code")).isEqualTo("idempotency_key_reused");
    }

    @Test
    void fourConcurrentDuplicatesQueueOneJobAndAllGetItsAnswer() throws Exception {
        String key = newKey();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Callable<Response> send = () -> generationUpload(tenant.memberToken(), key).post("/generations");
                answers.add(threads.submit(send));
            }
            List<String> jobs = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
                jobs.add(response.path("id"));
            }
            assertThat(jobs).containsOnly(jobs.get(0));
        } finally {
            threads.shutdownNow();
        }
        assertThat(total(tenant.memberToken(), "/generations")).isEqualTo(1);
    }

    @Test
    void aDuplicateOfARequestStillRunningIsToldToRetryLater() throws SQLException {
        String media = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));
        String key = newKey();
        claimAsIfRunning(key, "1 hour");

        Response duplicate = generationOfMedia(tenant.memberToken(), key, media).post("/generations");

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.<String>path("code")).isEqualTo("idempotency_in_progress");
        assertThat(duplicate.header("Retry-After")).isNotBlank();
        assertThat(total(tenant.memberToken(), "/generations")).isZero();
    }

    @Test
    void aClaimWhoseNodeDiedIsTakenOverAfterItsLease() throws SQLException {
        String media = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));
        String key = newKey();
        claimAsIfRunning(key, "-1 minute");

        Response retried = generationOfMedia(tenant.memberToken(), key, media).post("/generations");

        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(total(tenant.memberToken(), "/generations")).isEqualTo(1);
    }

    @Test
    void aRequestRunningLongerThanTheLeaseKeepsItsKeySoADuplicateDoesNotDoTheWorkAgain() throws Exception {
        String key = newKey();
        try (SlowUpload first = SlowUpload.start(tenant.memberToken(), key, "horse.png", MediaApi.image("horse.png"))) {
            awaitRecords(tenant.organizationId(), 1);
            Thread.sleep(ArvServer.IDEMPOTENCY_LEASE.multipliedBy(2).toMillis());

            Response duplicate = MediaApi.as(tenant.memberToken()).header(KEY, key)
                    .multiPart("files", "horse.png", MediaApi.image("horse.png"), "application/octet-stream").post("/media");

            assertThat(duplicate.statusCode()).as(duplicate.asString()).isEqualTo(409);
            assertThat(duplicate.<String>path("code")).isEqualTo("idempotency_in_progress");
            assertThat(first.finish()).startsWith("HTTP/1.1 201");
        }
        assertThat(total(tenant.memberToken(), "/media")).isEqualTo(1);
    }

    @Test
    void aClaimNoRunningRequestHoldsIsTakenOverOnceItsLeaseRunsOut() throws Exception {
        String media = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));
        String key = newKey();
        claimAsIfRunning(key, ArvServer.IDEMPOTENCY_LEASE.toSeconds() + " seconds");
        // Several renewal rounds of the node pass: they renew only claims its own running requests hold.
        Thread.sleep(ArvServer.IDEMPOTENCY_LEASE.plusSeconds(2).toMillis());

        Response retried = generationOfMedia(tenant.memberToken(), key, media).post("/generations");

        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(total(tenant.memberToken(), "/generations")).isEqualTo(1);
    }

    @Test
    void aKeyUsedMoreThanADayAgoDoesTheWorkAgain() throws SQLException {
        String key = newKey();
        String first = generationUpload(tenant.memberToken(), key).post("/generations").then().statusCode(202)
                .extract().path("id");
        backdateRecords(tenant.organizationId(), "25 hours");

        Response again = generationUpload(tenant.memberToken(), key).post("/generations");

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.<String>path("id")).isNotEqualTo(first);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(total(tenant.memberToken(), "/generations")).isEqualTo(2);
    }

    @Test
    void theExpiryTimerDeletesRecordsOlderThanTheRetention() throws Exception {
        generationUpload(tenant.memberToken(), newKey()).post("/generations").then().statusCode(202);
        assertThat(records(tenant.organizationId())).isEqualTo(1);
        backdateRecords(tenant.organizationId(), "25 hours");

        Instant deadline = Instant.now().plusSeconds(60);
        while (records(tenant.organizationId()) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        assertThat(records(tenant.organizationId())).isZero();
    }

    @Test
    void anotherOrganizationUsesTheSameKeyIndependently() {
        Api.Tenant other = Api.newTenant();
        String key = newKey();
        String mine = generationUpload(tenant.memberToken(), key).post("/generations").then().statusCode(202)
                .extract().path("id");

        Response theirs = generationUpload(other.memberToken(), key).post("/generations");

        assertThat(theirs.statusCode()).isEqualTo(202);
        assertThat(theirs.<String>path("id")).isNotEqualTo(mine);
        assertThat(total(other.memberToken(), "/generations")).isEqualTo(1);
        assertThat(total(tenant.memberToken(), "/generations")).isEqualTo(1);
    }

    @Test
    void anotherCredentialOfTheSameOrganizationUsesTheSameKeyIndependently() {
        String key = newKey();
        generationUpload(tenant.memberToken(), key).post("/generations").then().statusCode(202);

        Response byKey = generationUpload(tenant.userKey(), key).post("/generations");

        assertThat(byKey.statusCode()).isEqualTo(202);
        assertThat(byKey.header("Idempotent-Replayed")).isNull();
        assertThat(total(tenant.memberToken(), "/generations")).isEqualTo(2);
    }

    @Test
    void aRefusalThatDependsOnStateIsNotKeptSoTheKeyStaysFree() {
        String key = newKey();
        String unknownProject = UUID.randomUUID().toString();
        arContent(tenant.memberToken(), key, "Chelsea").post("/projects/" + unknownProject + "/ar-content")
                .then().statusCode(404);
        String project = MarkerApi.newProject(tenant.memberToken());

        Response retried = arContent(tenant.memberToken(), key, "Chelsea").post("/projects/" + project + "/ar-content");

        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRequestWithAQueryStringLongerThanTheStoredLineIsKeptAndReplayed() {
        String key = newKey();
        String pad = "x".repeat(4_100);
        Response first = generationUpload(tenant.memberToken(), key).queryParam("pad", pad).post("/generations");
        Response again = generationUpload(tenant.memberToken(), key).queryParam("pad", pad).post("/generations");
        Response otherQuery = generationUpload(tenant.memberToken(), key).queryParam("pad", pad + "y").post("/generations");

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(otherQuery.statusCode()).isEqualTo(422);
        assertThat(otherQuery.<String>path("code")).isEqualTo("idempotency_key_reused");
        assertThat(total(tenant.memberToken(), "/generations")).isEqualTo(1);
    }

    @Test
    void aRefusalThatDependsOnTheConfigurationIsNotKeptSoARetryIsJudgedAgain() throws SQLException {
        String key = newKey();
        Response first = generationUpload(tenant.memberToken(), key).multiPart("provider", "nonexistent").post("/generations");

        Response retried = generationUpload(tenant.memberToken(), key).multiPart("provider", "nonexistent").post("/generations");

        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(first.<String>path("code")).isEqualTo("unknown_provider");
        assertThat(retried.statusCode()).isEqualTo(422);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(records(tenant.organizationId())).isZero();
    }

    @Test
    void aMalformedKeyIsRefused() {
        Response tooLong = generationOfMedia(tenant.memberToken(), "k".repeat(256), UUID.randomUUID().toString()).post("/generations");
        Response empty = generationOfMedia(tenant.memberToken(), "", UUID.randomUUID().toString()).post("/generations");

        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.<String>path("code")).isEqualTo("invalid_idempotency_key");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.<String>path("code")).isEqualTo("invalid_idempotency_key");
    }

    private static RequestSpecification generationUpload(String token, String key) {
        return GenerationApi.uploading(token, GenerationApi.images("horse.png")).header(KEY, key);
    }

    private static RequestSpecification generationOfMedia(String token, String key, String media) {
        return Api.bearer(token).header(KEY, key).body(Map.of("media_ids", List.of(media)));
    }

    private static RequestSpecification arContent(String token, String key, String title) {
        return MediaApi.as(token).header(KEY, key)
                .multiPart("image", "chelsea.png", MediaApi.image("chelsea.png"), "application/octet-stream")
                .multiPart("title", title);
    }

    private static RequestSpecification batch(String token, String key) {
        return MediaApi.as(token).header(KEY, key)
                .multiPart("images", "chelsea.png", MediaApi.image("chelsea.png"), "application/octet-stream")
                .multiPart("images", "coffee.png", MediaApi.image("coffee.png"), "application/octet-stream");
    }

    @Test
    void aRepeatedApiKeyRequestCreatesNoSecondKeyAndDoesNotShowTheSecretAgain() {
        String key = newKey();
        int before = total(tenant.adminToken(), "/api-keys");
        Response first = Api.bearer(tenant.adminToken()).header(KEY, key).body(Map.of("name", "CI")).post("/api-keys");
        Response again = Api.bearer(tenant.adminToken()).header(KEY, key).body(Map.of("name", "CI")).post("/api-keys");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("code")).isEqualTo("idempotency_key_answered");
        assertThat(again.asString()).doesNotContain(first.jsonPath().getString("secret"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(total(tenant.adminToken(), "/api-keys")).isEqualTo(before + 1);
    }

    @Test
    void aRepeatedWebhookRegistrationCreatesNoSecondWebhook() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String key = newKey();
            Map<String, Object> body = Map.of("url", receiver.url(), "events", List.of("*"));
            Response first = Api.bearer(tenant.adminToken()).header(KEY, key).body(body).post("/webhooks");
            Response again = Api.bearer(tenant.adminToken()).header(KEY, key).body(body).post("/webhooks");

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.jsonPath().getString("code")).isEqualTo("idempotency_key_answered");
            assertThat(again.asString()).doesNotContain(first.jsonPath().getString("secret"));
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            assertThat(total(tenant.adminToken(), "/webhooks")).isEqualTo(1);
        }
    }

    private static int total(String token, String path) {
        return MediaApi.as(token).get(path).then().statusCode(200).extract().path("total");
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private static long records(UUID organization) throws SQLException {
        return SuiteDatabase.rowsOf("idempotency_record", organization);
    }

    /** The row a request holding the key leaves while it works (a claim), leased for {@code lease} from now. */
    private void claimAsIfRunning(String key, String lease) throws SQLException {
        String member = Api.bearer(tenant.memberToken()).get("/me").then().statusCode(200).extract().path("id");
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement statement = db.prepareStatement("INSERT INTO idempotency_record (id, organization_id, credential,"
                        + " idempotency_key, request_line, created_at, locked_until) VALUES (?, ?, ?, ?, ?, now(), now() + CAST(? AS interval))")) {
            statement.setObject(1, UUID.randomUUID());
            statement.setObject(2, tenant.organizationId());
            statement.setString(3, "user:" + member);
            statement.setString(4, key);
            statement.setString(5, "POST /api/v1/generations application/json");
            statement.setString(6, lease);
            statement.executeUpdate();
        }
    }

    private static void awaitRecords(UUID organization, long count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (records(organization) != count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(records(organization)).isEqualTo(count);
    }

    /**
     * A {@code POST /media} with an {@code Idempotency-Key} whose body comes as slowly as over a poor link: a byte every
     * quarter second until {@link #finish}, then the rest, and the answer's status line.
     */
    private static final class SlowUpload implements AutoCloseable {

        private static final String BOUNDARY = "slow-upload-boundary";

        private final Socket socket;
        private final byte[] body;
        private final Thread trickle;
        private final AtomicInteger sent = new AtomicInteger();
        private volatile boolean finishing;

        private SlowUpload(Socket socket, byte[] body) {
            this.socket = socket;
            this.body = body;
            this.trickle = new Thread(this::trickle, "slow-upload");
        }

        static SlowUpload start(String token, String key, String fileName, byte[] file) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            URI base = URI.create(ArvServer.baseUrl());
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.getOutputStream().write(("POST /api/v1/media HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\n" + KEY + ": " + key
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + body.size()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            SlowUpload upload = new SlowUpload(socket, body.toByteArray());
            upload.trickle.start();
            return upload;
        }

        private void trickle() {
            try {
                OutputStream out = socket.getOutputStream();
                while (!finishing && sent.get() < body.length - 1) {
                    out.write(body[sent.getAndIncrement()]);
                    out.flush();
                    Thread.sleep(250);
                }
            } catch (IOException e) {
                if (!finishing) {
                    throw new UncheckedIOException(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Sends the rest of the body; the answer's status line. */
        String finish() throws Exception {
            finishing = true;
            trickle.join();
            OutputStream out = socket.getOutputStream();
            out.write(body, sent.get(), body.length - sent.get());
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }

        @Override
        public void close() throws IOException {
            finishing = true;
            socket.close();
        }
    }

    /** What 24 hours do to the organization's keys, without waiting for them. */
    private static void backdateRecords(UUID organization, String age) throws SQLException {
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement statement = db.prepareStatement("UPDATE idempotency_record SET created_at = created_at - CAST(? AS interval)"
                        + " WHERE organization_id = ?")) {
            statement.setString(1, age);
            statement.setObject(2, organization);
            statement.executeUpdate();
        }
    }
}
