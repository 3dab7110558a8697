package app.arv.web.it;

import app.arv.media.TestImages;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input across every endpoint family — bad JSON, wrong types, huge numbers, control
 * characters and unpaired surrogates in names, path tricks, forged, expired and other tenants'
 * credentials, oversize bodies, bombs, truncated files, internal addresses in URL fields, reused
 * idempotency keys. The contract: never a 5xx, every refusal in the problem format, and nothing
 * left behind — no row in the attacker's organization, no organization or user created, no file in
 * its store — and the server still ready afterwards.
 */
@ExtendWith(ArvServer.class)
@Isolated("counts every organization and person on the server")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the victim is looked at after the attack
class AbuseIT {

    private static Api.Tenant attacker;
    private static Api.Tenant victim;
    private static String platformToken;
    private static String project;
    private static String victimProject;
    private static String victimMedia;
    private static String memberId;
    private static Map<String, Long> rowsBefore;
    private static long filesBefore;

    @BeforeAll
    static void arrange() throws Exception {
        platformToken = Api.platformAdminToken();
        attacker = Api.newTenant();
        victim = Api.newTenant();
        project = Api.bearer(attacker.adminToken()).body(Map.of("name", "target practice"))
                .post("/projects").then().statusCode(201).extract().path("id");
        victimProject = Api.bearer(victim.adminToken()).body(Map.of("name", "victim's"))
                .post("/projects").then().statusCode(201).extract().path("id");
        victimMedia = MediaApi.uploadOne(victim.memberToken(), "victim.jpg", MediaApi.image("rocket.jpg"));
        memberId = Api.bearer(attacker.memberToken()).get("/me").then().statusCode(200).extract().path("id");
        rowsBefore = rowsOf(attacker.organizationId());
        filesBefore = MediaApi.filesOnDisk(attacker.organizationId());
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> noHostileInputGetsAServerError() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Response response = c.request().get();
            int status = response.statusCode();
            assertThat(status).as("%s answered %s: %s", c.name(), status, abbreviated(response)).isBetween(400, 499);
            if (c.problemBody()) {
                assertThat(response.contentType()).as(c.name()).startsWith("application/problem+json");
                assertThat(response.jsonPath().getString("code")).as(c.name()).isNotBlank();
                assertThat(response.asString()).as("%s echoes no internal page", c.name()).doesNotContain("<html", "<HTML");
            }
        }));
    }

    @AfterAll
    static void nothingWasLeftBehindAndTheServerIsStillReady() throws Exception {
        assertThat(rowsOf(attacker.organizationId())).isEqualTo(rowsBefore);
        assertThat(MediaApi.filesOnDisk(attacker.organizationId())).isEqualTo(filesBefore);
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/health/ready").then().statusCode(200);
    }

    @Test
    @Order(2)
    void theVictimStillHasItsProjectAndMedia() {
        Api.bearer(victim.memberToken()).get("/projects/" + victimProject).then().statusCode(200);
        Api.bearer(victim.memberToken()).get("/media/" + victimMedia).then().statusCode(200);
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        jsonBodies(cases);
        namesAndNumbers(cases);
        multipartFields(cases);
        credentials(cases);
        paths(cases);
        files(cases);
        outboundAddresses(cases);
        idempotencyKeys(cases);
        return cases;
    }

    /** Every JSON endpoint against bodies that aren't what it reads. */
    private static void jsonBodies(List<Case> cases) {
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/auth/login", Api::anonymous),
                new Endpoint("POST", "/organizations", () -> Api.bearer(platformToken)),
                new Endpoint("POST", "/users", () -> Api.bearer(attacker.adminToken())),
                new Endpoint("PATCH", "/users/" + memberId, () -> Api.bearer(attacker.adminToken())),
                new Endpoint("POST", "/api-keys", () -> Api.bearer(attacker.adminToken())),
                new Endpoint("POST", "/projects", () -> Api.bearer(attacker.memberToken())),
                new Endpoint("PATCH", "/projects/" + project, () -> Api.bearer(attacker.memberToken())),
                new Endpoint("POST", "/storage-connections", () -> Api.bearer(attacker.adminToken())),
                new Endpoint("POST", "/media/uploads", () -> Api.bearer(attacker.memberToken())),
                new Endpoint("POST", "/generations", () -> Api.bearer(attacker.memberToken())),
                new Endpoint("POST", "/projects/" + project + "/ar-content", () -> Api.bearer(attacker.memberToken())),
                new Endpoint("POST", "/admin/cleanup", () -> Api.bearer(attacker.adminToken())));
        Map<String, byte[]> bodies = new TreeMap<>();
        bodies.put("truncated JSON", "{\"name\": \"a".getBytes(StandardCharsets.UTF_8));
        bodies.put("an array", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        bodies.put("a bare string", "\"hello\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("nesting 50000 deep", ("[".repeat(50_000) + "]".repeat(50_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", new byte[]{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.put("every field an object", ("{\"name\":{},\"email\":{},\"password\":{},\"media_ids\":{},\"endpoint\":{},"
                + "\"scope\":{},\"kind\":{},\"file_name\":{},\"media_id\":{},\"older_than_hours\":{}}").getBytes(StandardCharsets.UTF_8));
        for (Endpoint endpoint : endpoints) {
            bodies.forEach((what, body) -> cases.add(new Case(endpoint + " with " + what,
                    () -> endpoint.caller().get().body(body).request(endpoint.method(), endpoint.path()))));
            cases.add(new Case(endpoint + " as text/plain",
                    () -> endpoint.caller().get().contentType("text/plain").body("name=x").request(endpoint.method(), endpoint.path())));
        }
    }

    private record Endpoint(String method, String path, Supplier<RequestSpecification> caller) {
        @Override
        public String toString() {
            return method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        }
    }

    /** Names with what a database or a log must never receive, and numbers past every type. */
    private static void namesAndNumbers(List<Case> cases) {
        Map<String, String> names = new TreeMap<>();
        names.put("a NUL character", "evil\u0000name");
        names.put("a bell and an escape", "ding\u0007\u001b[31mred");
        names.put("an unpaired surrogate", "broken\uD800half");
        names.put("a DEL and a C1 control", "rub\u007Fout\u0085");
        names.put("ten thousand characters", "x".repeat(10_000));
        names.put("only spaces", "    ");
        names.forEach((what, name) -> {
            cases.add(new Case("project named with " + what,
                    () -> Api.bearer(attacker.memberToken()).body(Map.of("name", name)).post("/projects")));
            cases.add(new Case("project renamed with " + what,
                    () -> Api.bearer(attacker.memberToken()).body(Map.of("name", name)).patch("/projects/" + project)));
            cases.add(new Case("API key named with " + what,
                    () -> Api.bearer(attacker.adminToken()).body(Map.of("name", name, "scope", "USER")).post("/api-keys")));
        });
        cases.add(new Case("organization slug with a path", () -> Api.bearer(platformToken)
                .body(Map.of("name", "Evil", "slug", "../../etc")).post("/organizations")));
        cases.add(new Case("user e-mail with a NUL", () -> Api.bearer(attacker.adminToken())
                .body(Map.of("email", "a\u0000@b.example", "password", "long-enough-password", "role", "MEMBER")).post("/users")));
        cases.add(new Case("user with an unknown role", () -> Api.bearer(attacker.adminToken())
                .body(Map.of("email", "x-" + UUID.randomUUID() + "@b.example", "password", "long-enough-password", "role", "ROOT")).post("/users")));
        cases.add(new Case("API key with an unknown scope", () -> Api.bearer(attacker.adminToken())
                .body(Map.of("name", "k", "scope", "PLATFORM")).post("/api-keys")));
        cases.add(new Case("generation face limit 1e400", () -> Api.bearer(attacker.memberToken()).body(
                "{\"media_ids\":[\"" + UUID.randomUUID() + "\"],\"face_limit\":1e400}").post("/generations")));
        cases.add(new Case("generation face limit past long", () -> Api.bearer(attacker.memberToken()).body(
                "{\"media_ids\":[\"" + UUID.randomUUID() + "\"],\"face_limit\":99999999999999999999999}").post("/generations")));
        cases.add(new Case("generation face limit negative", () -> Api.bearer(attacker.memberToken()).body(
                "{\"media_ids\":[\"" + UUID.randomUUID() + "\"],\"face_limit\":-5}").post("/generations")));
        cases.add(new Case("generation with 26 media ids", () -> Api.bearer(attacker.memberToken()).body(
                Map.of("media_ids", Stream.generate(() -> UUID.randomUUID().toString()).limit(26).toList())).post("/generations")));
        cases.add(new Case("generation with a media id that is no UUID", () -> Api.bearer(attacker.memberToken()).body(
                Map.of("media_ids", List.of("'; DROP TABLE media_resource; --"))).post("/generations")));
        cases.add(new Case("generation with the victim's media", () -> Api.bearer(attacker.memberToken()).body(
                Map.of("media_ids", List.of(victimMedia))).post("/generations")));
        cases.add(new Case("generation with texture ultra", () -> Api.bearer(attacker.memberToken()).body(
                Map.of("media_ids", List.of(victimMedia), "texture", "ultra")).post("/generations")));
        cases.add(new Case("AR content from the victim's media", () -> Api.bearer(attacker.memberToken()).body(
                Map.of("media_id", victimMedia)).post("/projects/" + project + "/ar-content")));
        cases.add(new Case("listing limit 0", () -> Api.bearer(attacker.memberToken()).get("/projects?limit=0")));
        cases.add(new Case("listing limit past int", () -> Api.bearer(attacker.memberToken()).get("/projects?limit=99999999999999999999")));
        cases.add(new Case("listing offset negative", () -> Api.bearer(attacker.memberToken()).get("/media?offset=-1")));
        cases.add(new Case("listing limit a word", () -> Api.bearer(attacker.memberToken()).get("/generations?limit=all")));
        cases.add(new Case("generation listing unknown status", () -> Api.bearer(attacker.memberToken()).get("/generations?status=%00")));
        cases.add(new Case("project listing searching for a NUL",
                () -> Api.bearer(attacker.memberToken()).urlEncodingEnabled(false).get("/projects?q=a%00b")));
        cases.add(new Case("AR content listing searching for a NUL",
                () -> Api.bearer(attacker.memberToken()).urlEncodingEnabled(false).get("/projects/" + project + "/ar-content?q=%00")));
        cases.add(new Case("audit log from the year 300000",
                () -> Api.bearer(attacker.adminToken()).urlEncodingEnabled(false).get("/audit-events?from=%2B300000-01-01T00:00:00Z")));
        cases.add(new Case("audit log to the year -300000",
                () -> Api.bearer(attacker.adminToken()).urlEncodingEnabled(false).get("/audit-events?to=-300000-01-01T00:00:00Z")));
        cases.add(new Case("cleanup older than -1 hours", () -> Api.bearer(attacker.adminToken())
                .body(Map.of("older_than_hours", -1)).post("/admin/cleanup")));
        cases.add(new Case("direct upload of 2^63 bytes", () -> Api.bearer(attacker.memberToken()).body(
                "{\"file_name\":\"a.jpg\",\"size\":9223372036854775808,\"sha256\":\"" + "0".repeat(64) + "\"}").post("/media/uploads")));
        cases.add(new Case("login with an 80-character password", () -> Api.anonymous()
                .body(Map.of("email", attacker.adminEmail(), "password", "p".repeat(80))).post("/auth/login")));
        cases.add(new Case("user created with a 100-byte password", () -> Api.bearer(attacker.adminToken()).body(
                Map.of("email", "long-" + UUID.randomUUID() + "@b.example", "password", "ü".repeat(50), "role", "MEMBER")).post("/users")));
    }

    /** The text fields of a multipart form, held to the rules of a JSON body's strings: plain text, in UTF-8. */
    private static void multipartFields(List<Case> cases) {
        Map<String, byte[]> values = new TreeMap<>();
        values.put("a NUL character", "evil\u0000name".getBytes(StandardCharsets.UTF_8));
        values.put("an escape and a C1 control", "ding\u001b[31mred\u0085".getBytes(StandardCharsets.UTF_8));
        values.put("bytes that are not UTF-8", new byte[]{'a', (byte) 0xC3, '(', 'b'});
        for (String field : List.of("title", "order_number", "customer_name")) {
            values.forEach((what, value) -> cases.add(new Case("AR content (multipart) with " + what + " in " + field,
                    () -> portraitWith(field, value))));
        }
    }

    /** A new AR content's portrait with one field of the multipart form set to those bytes (and a plain title otherwise). */
    private static Response portraitWith(String field, byte[] value) {
        List<Map.Entry<String, byte[]>> parts = new ArrayList<>();
        parts.add(Map.entry("form-data; name=\"image\"; filename=\"portrait.png\"", MediaApi.image("chelsea.png")));
        if (!field.equals("title")) {
            parts.add(Map.entry("form-data; name=\"title\"", "Portrait".getBytes(StandardCharsets.UTF_8)));
        }
        parts.add(Map.entry("form-data; name=\"" + field + "\"", value));
        return MediaApi.as(attacker.memberToken()).contentType(MediaApi.HAND_MADE).body(MediaApi.handMade(parts))
                .post("/projects/" + project + "/ar-content");
    }

    /** Credentials that must never let anyone in. */
    private static void credentials(List<Case> cases) {
        Map<String, Supplier<String>> tokens = new TreeMap<>();
        tokens.put("an unsigned JWT (alg none)", AbuseIT::unsignedJwt);
        tokens.put("a JWT signed by another key",
                () -> TestTokens.signed(TestTokens.newRsaKey(), "arv", UUID.randomUUID().toString(), Instant.now().plusSeconds(600)));
        tokens.put("an expired JWT", () -> TestTokens.signed("arv", memberId, Instant.now().minusSeconds(60)));
        tokens.put("a JWT from another issuer", () -> TestTokens.signed("evil", memberId, Instant.now().plusSeconds(600)));
        tokens.put("a JWT for nobody", () -> TestTokens.signed("arv", UUID.randomUUID().toString(), Instant.now().plusSeconds(600)));
        tokens.put("a made-up API key", () -> "arv_" + "A".repeat(40));
        tokens.put("six kilobytes of token", () -> "x".repeat(6_000));
        tokens.put("a token with a newline", () -> "abc\tdef");
        for (var token : tokens.entrySet()) {
            cases.add(new Case("GET /me with " + token.getKey(), () -> Api.bearer(token.getValue().get()).get("/me")));
            cases.add(new Case("POST /projects with " + token.getKey(),
                    () -> Api.bearer(token.getValue().get()).body(Map.of("name", "sneaky")).post("/projects")));
        }
        cases.add(new Case("Basic authorization", () -> Api.anonymous().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/me")));
        cases.add(new Case("X-API-Key with a JWT", () -> Api.anonymous().header("X-API-Key", Api.platformAdminToken()).get("/me")));
        cases.add(new Case("the victim's project with the attacker's key", () -> Api.bearer(attacker.userKey()).get("/projects/" + victimProject)));
        cases.add(new Case("the victim's project deleted by the attacker", () -> Api.bearer(attacker.adminKey()).delete("/projects/" + victimProject)));
        cases.add(new Case("the victim's media downloaded by the attacker", () -> Api.bearer(attacker.userKey()).get("/media/" + victimMedia + "/content")));
        cases.add(new Case("the victim's media deleted by the attacker", () -> Api.bearer(attacker.adminToken()).delete("/media/" + victimMedia)));
        cases.add(new Case("platform organizations listed by an org-admin key", () -> Api.bearer(attacker.adminKey()).get("/organizations")));
        cases.add(new Case("orphan scan by an org admin", () -> Api.bearer(attacker.adminToken()).post("/admin/storage/orphan-scan")));
        cases.add(new Case("batch jobs by an org-admin key", () -> Api.bearer(attacker.adminKey()).get("/admin/batch/jobs")));
        cases.add(new Case("a member creating an API key", () -> Api.bearer(attacker.memberToken())
                .body(Map.of("name", "mine", "scope", "ADMIN")).post("/api-keys")));
        cases.add(new Case("a member promoting itself", () -> Api.bearer(attacker.memberToken())
                .body(Map.of("role", "ADMIN")).patch("/users/" + memberId)));
    }

    /** Paths that try to leave their resource or aren't ids at all. */
    private static void paths(List<Case> cases) {
        List<String> paths = List.of(
                "/projects/..%2F..%2Forganizations",
                "/projects/%2e%2e/%2e%2e/organizations",
                "/projects/not-a-uuid",
                "/media/" + "9".repeat(5_000),
                "/generations/" + UUID.randomUUID() + "/items/..%2F..%2Fadmin/model",
                "/ar-content/%27%20OR%201%3D1--",
                "/viewer/..%2F..%2F..%2Fetc%2Fpasswd/manifest",
                "/viewer/" + "a".repeat(3_000) + "/manifest",
                "/storage-connections/%25u0000",
                "/users/00000000-0000-0000-0000-000000000000");
        for (String path : paths) {
            cases.add(new Case("GET " + abbreviate(path), () -> Api.bearer(attacker.adminToken()).urlEncodingEnabled(false).get(path)));
        }
        // Refused by Payara's HTTP layer before any application code runs: 400 with an empty body, connection closed.
        List<String> unreadable = List.of("/projects/" + UUID.randomUUID() + "%00", "/media/%C0%AE%C0%AE");
        for (String path : unreadable) {
            cases.add(new Case("GET " + path, () -> Api.bearer(attacker.adminToken()).urlEncodingEnabled(false).get(path), false));
        }
        cases.add(new Case("a 16 KB header block", () -> Api.bearer("x".repeat(16_000)).get("/me"), false));
    }

    /** Files an image endpoint must refuse without storing anything. */
    private static void files(List<Case> cases) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("an empty file", new byte[0]);
        files.put("a truncated JPEG", HostileFiles.truncatedJpeg());
        files.put("a PNG declaring 50000x50000", TestImages.pngDeclaring(50_000, 50_000));
        files.put("a shell script", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII));
        files.put("an HTML page", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
        files.forEach((what, bytes) -> {
            cases.add(new Case("media upload of " + what, () -> MediaApi.as(attacker.memberToken())
                    .multiPart("files", "../../../evil.png", bytes, "image/png").post("/media")));
            cases.add(new Case("marker analysis of " + what, () -> MediaApi.as(attacker.memberToken())
                    .multiPart("image", "evil.png", bytes, "image/png").post("/markers/analyze")));
            cases.add(new Case("AR content from " + what, () -> MediaApi.as(attacker.memberToken())
                    .multiPart("image", "evil.png", bytes, "image/png").post("/projects/" + project + "/ar-content")));
            cases.add(new Case("generation from " + what, () -> MediaApi.as(attacker.memberToken())
                    .multiPart("files", "evil.png", bytes, "image/png").post("/generations")));
        });
        cases.add(new Case("26 files in one upload", () -> {
            RequestSpecification request = MediaApi.as(attacker.memberToken());
            for (int i = 0; i < 26; i++) {
                request = request.multiPart("files", "f" + i + ".jpg", MediaApi.image("rocket.jpg"), "image/jpeg");
            }
            return request.post("/media");
        }));
        cases.add(new Case("a file over the size limit", () -> MediaApi.as(attacker.memberToken())
                .multiPart("files", "big.jpg", HostileFiles.jpegOfSize(10 * 1024 * 1024 + 1), "image/jpeg").post("/media")));
        cases.add(new Case("multipart without a boundary", () -> MediaApi.as(attacker.memberToken())
                .contentType("multipart/form-data").body("--x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).post("/media")));
        cases.add(new Case("multipart cut in the middle", () -> MediaApi.as(attacker.memberToken())
                .contentType("multipart/form-data; boundary=xyz")
                .body("--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n\r\n\u0089PNG".getBytes(StandardCharsets.ISO_8859_1))
                .post("/media")));
        cases.add(new Case("an overlay that is a shell script", () -> MediaApi.as(attacker.memberToken())
                .multiPart("file", "x.mp4", "#!/bin/sh".getBytes(StandardCharsets.US_ASCII), "video/mp4")
                .post("/ar-content/" + UUID.randomUUID() + "/overlays")));
    }

    /**
     * Internal addresses in every URL field a tenant supplies: refused before anything is stored. (The suite's
     * S3Proxy is allowed by the exact text 127.0.0.1; every other spelling of loopback must still be refused.)
     */
    private static void outboundAddresses(List<Case> cases) {
        List<String> endpoints = List.of(
                "http://127.0.0.2:8080",
                "http://localhost:5432",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]:6379",
                "http://[::ffff:127.0.0.1]:8080",
                "http://2130706433:8080",
                "http://0x7f.0.0.1:8080",
                "http://10.0.0.1",
                "http://192.168.0.1",
                "http://0.0.0.0:8080",
                "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_FLUSHALL");
        for (String endpoint : endpoints) {
            cases.add(new Case("S3 storage connection at " + endpoint, () -> Api.bearer(attacker.adminToken()).body(Map.of(
                    "name", "sneaky " + UUID.randomUUID(), "provider", "S3", "endpoint", endpoint, "region", "us-east-1",
                    "bucket", "bucket", "access_key", "key", "secret_key", "secret")).post("/storage-connections")));
        }
    }

    /** A key used again for another request (after a refusal, which is kept and replayed), or not a key at all. */
    private static void idempotencyKeys(List<Case> cases) {
        cases.add(new Case("an idempotency key of 300 characters", () -> Api.bearer(attacker.memberToken())
                .header("Idempotency-Key", "k".repeat(300)).body(Map.of("media_ids", List.of(UUID.randomUUID().toString())))
                .post("/generations")));
        cases.add(new Case("an idempotency key with control characters", () -> Api.bearer(attacker.memberToken())
                .header("Idempotency-Key", "key\u0001one").body(Map.of("media_ids", List.of(UUID.randomUUID().toString())))
                .post("/generations")));
        cases.add(new Case("an idempotency key replayed with another body", () -> {
            String key = "replayed-" + UUID.randomUUID();
            Api.bearer(attacker.memberToken()).header("Idempotency-Key", key)
                    .body(Map.of("media_ids", List.of(UUID.randomUUID().toString()), "texture", "ultra")).post("/generations");
            return Api.bearer(attacker.memberToken()).header("Idempotency-Key", key)
                    .body(Map.of("media_ids", List.of(UUID.randomUUID().toString()), "texture", "hd")).post("/generations");
        }));
    }

    private static Map<String, Long> rowsOf(UUID organization) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection db = SuiteDatabase.connect(); Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = statement.executeQuery("SELECT table_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name")) {
                while (found.next()) {
                    tables.add(found.getString(1));
                }
            }
            // Idempotency records are the protocol's memory of refused requests too (a 422 is replayed for 24 h).
            tables.remove("idempotency_record");
            for (String table : tables) {
                // A refused sign-in of a known address is recorded on purpose (the audit log); no other refusal leaves an entry.
                String recorded = table.equals("audit_event") ? " AND action <> 'sign_in.failed'" : "";
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table
                        + " WHERE organization_id = '" + organization + "'" + recorded)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
            for (String table : List.of("organization", "app_user")) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    rows.put(table + " (all)", count.getLong(1));
                }
            }
        }
        return rows;
    }

    private static String unsignedJwt() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"arv\",\"sub\":\"" + memberId + "\",\"exp\":"
                + Instant.now().plus(Duration.ofHours(1)).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private static String abbreviated(Response response) {
        String body = response.asString();
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** One hostile request; {@code problemBody} is false only where no problem body can be promised. */
    record Case(String name, Supplier<Response> request, boolean problemBody) {
        Case(String name, Supplier<Response> request) {
            this(name, request, true);
        }
    }
}
