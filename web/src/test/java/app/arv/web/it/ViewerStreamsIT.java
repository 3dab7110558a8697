package app.arv.web.it;

import app.arv.storage.MisbehavingS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The viewer's files stream from the organization's store, and a served one does not count against the viewer's rate
 * limit: anonymous requests for an overlay on a store that sends slowly held every request thread of the server. One
 * client address gets at most {@code ARV_VIEWER_MAX_STREAMS_PER_CLIENT} (8) at once.
 */
@ExtendWith(ArvServer.class)
@Isolated("holds the viewer streams of 127.0.0.1, every test's address")
class ViewerStreamsIT {

    private static final int MAX_STREAMS = 8;

    @Test
    void oneClientGetsNoMoreViewerFilesAtOnceThanItsShare() throws Exception {
        try (MisbehavingS3 trickling = new MisbehavingS3(MisbehavingS3.Misbehaviour.TRICKLE)) {
            Api.Tenant tenant = Api.newTenant();
            String project = MarkerApi.newProject(tenant.memberToken());
            String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
            MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(120)).body("status", equalTo("ready"));
            // The overlay goes to the trickling store, the organization's default from now on.
            Api.bearer(tenant.adminToken()).body(S3StorageIT.bucket("trickling", trickling.endpoint(), true))
                    .post("/storage-connections").then().statusCode(201);
            MediaApi.as(tenant.memberToken()).multiPart("file", "clip.mp4", MediaApi.image("clip.mp4"), "video/mp4")
                    .post("/ar-content/" + id + "/overlays").then().statusCode(201);
            String uniqueId = MediaApi.as(tenant.memberToken()).get("/ar-content/" + id).then().extract().path("unique_id");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest overlay = HttpRequest.newBuilder(URI.create(ArvServer.baseUrl() + "/api/v1/viewer/" + uniqueId + "/overlay"))
                    .timeout(Duration.ofSeconds(60)).build();

            List<CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
            for (int i = 0; i < MAX_STREAMS; i++) {
                streams.add(http.sendAsync(overlay, HttpResponse.BodyHandlers.discarding()));
            }
            awaitReads(trickling, MAX_STREAMS, Duration.ofSeconds(20));
            HttpResponse<String> oneMore = http.sendAsync(overlay, HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);

            assertThat(oneMore.statusCode()).isEqualTo(429);
            assertThat(oneMore.headers().firstValue("Retry-After")).contains("1");
            assertThat(oneMore.body()).contains("More than " + MAX_STREAMS + " viewer files at once");
            streams.forEach(stream -> stream.cancel(true));
        }
    }

    private static void awaitReads(MisbehavingS3 store, int reads, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store.objectReads() < reads) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + store.objectReads() + " of " + reads + " overlay reads began within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
