package app.arv.web.it;

import app.arv.launcher.FreePorts;
import app.arv.storage.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Issue 10, finding 6: storage calls held a pooled database connection while they waited, so a store
 * that accepts connections and never answers (a tarpit) could take all 32 of them. Store calls now run
 * outside transactions with connect/idle timeouts and an overall deadline.
 */
@ExtendWith(ArvServer.class)
@Isolated("measures how much a tarpit store slows everyone else")
class StorageOutageIT {

    /** More concurrent calls than the JDBC pool has connections (32). */
    private static final int CALLS = 40;

    private static ServerSocket tarpit;
    private static Api.Tenant tenant;
    private static String tarpitConnection;

    @BeforeAll
    static void aTarpit() throws Exception {
        // Accepts (the kernel completes the handshakes into the backlog) and never answers a byte.
        tarpit = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        tenant = Api.newTenant();
        tarpitConnection = connection(tenant, "tarpit", "http://127.0.0.1:" + tarpit.getLocalPort(), false);
    }

    @AfterAll
    static void closeTarpit() throws Exception {
        tarpit.close();
        // Leave a server that is ready again: the classes after this one must not meet its recovery.
        Readiness.await(200, Duration.ofMinutes(2));
    }

    private static String connection(Api.Tenant owner, String name, String endpoint, boolean isDefault) {
        return Api.bearer(owner.adminToken()).body(Map.of("name", name, "provider", "S3", "endpoint", endpoint,
                "region", "us-east-1", "bucket", "arv-media", "access_key", S3ProxyServer.ACCESS_KEY,
                "secret_key", S3ProxyServer.SECRET_KEY, "is_default", isDefault))
                .post("/storage-connections").then().statusCode(201).extract().path("id");
    }

    @Test
    void aTarpitStoreDoesNotStarveEveryoneElse() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(ArvServer.baseUrl() + "/api/v1/storage-connections/" + tarpitConnection + "/test"))
                .header("Authorization", "Bearer " + tenant.adminToken()).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(60)).build();
        List<CompletableFuture<HttpResponse<String>>> probes = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            probes.add(http.sendAsync(probe, HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(1000);

        long start = System.nanoTime();
        Api.bearer(tenant.memberToken()).get("/projects").then().statusCode(200);
        Duration projects = Duration.ofNanos(System.nanoTime() - start);

        for (CompletableFuture<HttpResponse<String>> answer : probes) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"ok\":false").contains("timed out");
        }
        assertThat(projects).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anUploadToATarpitStoreAnswers503WithRetryAfterAndKeepsNothing() {
        Api.Tenant owner = Api.newTenant();
        connection(owner, "tarpit", "http://127.0.0.1:" + tarpit.getLocalPort(), true);

        long start = System.nanoTime();
        MediaApi.upload(owner.memberToken(), "coins.png", MediaApi.image("coins.png")).statusCode(503)
                .body("code", equalTo("storage_unavailable")).header("Retry-After", notNullValue());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(MediaApi.libraryTotal(owner.memberToken())).isZero();
    }

    @Test
    void anUploadToAStoreThatIsDownAnswersWithinFiveSeconds() throws Exception {
        int closed = FreePorts.pick();
        Api.Tenant owner = Api.newTenant();
        connection(owner, "down", "http://127.0.0.1:" + closed, true);

        long start = System.nanoTime();
        MediaApi.upload(owner.memberToken(), "coins.png", MediaApi.image("coins.png")).statusCode(503)
                .body("code", equalTo("storage_unavailable")).header("Retry-After", notNullValue());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(MediaApi.libraryTotal(owner.memberToken())).isZero();
    }
}
