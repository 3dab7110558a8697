package app.arv.web.it;

import app.arv.generation.fal.FakeFal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.XAddParams;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Live progress of a generation job as Server-Sent Events, fed by Redis (stream + pub/sub). */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.FAL)
@ResourceLock(value = FalFaultsIT.BREAKERS, mode = ResourceAccessMode.READ)
class GenerationEventsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    @Test
    void aClientListeningFromTheStartSeesEveryItemProgressAndCompleteThenTheJobComplete() throws Exception {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png", "coffee.png", "camera.png"));

        SseEvents.Stream stream = SseEvents.read(tenant.memberToken(), "/generations/" + job + "/events", null, TIMEOUT);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.count("item_completed")).isEqualTo(3);
        for (int position = 0; position < 3; position++) {
            String marker = "\"position\":" + position;
            assertThat(stream.events()).filteredOn(e -> e.name().equals("progress") && e.data().contains(marker)).isNotEmpty();
        }
        assertThat(stream.names().get(stream.names().size() - 1)).isEqualTo("completed");
        assertThat(stream.events().get(stream.events().size() - 1).data()).contains("\"completed\":3");
    }

    @Test
    void aClientResumingWithLastEventIdGetsOnlyTheEventsAfterIt() throws Exception {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png", "coffee.png"));
        GenerationApi.awaitFinished(tenant.memberToken(), job, TIMEOUT).body("status", equalTo("completed"));
        List<SseEvents.Event> all = SseEvents.read(tenant.memberToken(), "/generations/" + job + "/events", null, TIMEOUT).events();

        SseEvents.Stream resumed = SseEvents.read(tenant.memberToken(), "/generations/" + job + "/events", all.get(1).id(), TIMEOUT);

        assertThat(resumed.events()).containsExactlyElementsOf(all.subList(2, all.size()));
    }

    @Test
    void anotherOrganizationsJobHasNoEventsFor404() throws Exception {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));

        SseEvents.Stream stream = SseEvents.read(Api.newTenant().memberToken(), "/generations/" + job + "/events", null, TIMEOUT);

        assertThat(stream.status()).isEqualTo(404);
    }

    @Test
    void aLongRunningJobsStreamCarriesHeartbeatsAndEndsWithTheItemsFailureWhenTheBrokerGivesUp() throws Exception {
        // The stored source disappears: every attempt breaks, and the broker's back-off keeps the job open for ~15 s.
        String job = GenerationApi.submittedWithItsSourceGone(tenant);

        SseEvents.Stream stream = SseEvents.read(tenant.memberToken(), "/generations/" + job + "/events", null, TIMEOUT);

        assertThat(stream.count("heartbeat")).isGreaterThanOrEqualTo(2);
        assertThat(stream.events()).filteredOn(e -> e.name().equals("item_failed"))
                .singleElement().satisfies(e -> assertThat(e.data()).contains("Gave up after 5 attempts"));
        SseEvents.Event last = stream.events().get(stream.events().size() - 1);
        assertThat(last.name()).isEqualTo("completed");
        assertThat(last.data()).contains("\"status\":\"failed\"");
    }

    @Test
    void aClientThatStopsReadingDoesNotHoldUpTheEventsOfAnotherJobsClient() throws Exception {
        Map<String, byte[]> stalledImage = MediaApi.uniqueImages(1);
        Map<String, byte[]> otherImage = MediaApi.uniqueImages(1);
        holdAtFal(stalledImage);
        holdAtFal(otherImage);
        String stalledJob = GenerationApi.submittedToFal(tenant.memberToken(), stalledImage);
        String otherJob = GenerationApi.submittedToFal(tenant.memberToken(), otherImage);
        Socket stalled = openWithoutReading(stalledJob);
        CountDownLatch otherConnected = new CountDownLatch(1);
        CountDownLatch markerArrived = new CountDownLatch(1);
        CompletableFuture<Void> other = listen(otherJob, line -> {
            otherConnected.countDown();
            if (line.contains("\"stage\":\"marker\"")) {
                markerArrived.countDown();
            }
        });
        try {
            assertThat(otherConnected.await(30, TimeUnit.SECONDS)).as("the other client's stream opened").isTrue();
            // The stalled client's stream listens by now: this wakes it with ~40 MB, more than its socket and the server's
            // buffers take, so the thread writing to it waits (in Grizzly's OutputBuffer.blockAfterWriteIfNeeded).
            appendEvents(stalledJob, 4000, "x".repeat(10_000));
            Thread.sleep(3000);

            appendEvents(otherJob, 1, "marker");

            assertThat(markerArrived.await(10, TimeUnit.SECONDS)).as("the other job's event reached its client").isTrue();
        } finally {
            other.cancel(true);
            stalled.close();
            MediaApi.as(tenant.memberToken()).post("/generations/" + stalledJob + "/cancel");
            MediaApi.as(tenant.memberToken()).post("/generations/" + otherJob + "/cancel");
            releaseAtFal(stalledImage);
            releaseAtFal(otherImage);
            dropEvents(stalledJob);
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedOnceAWriteToItWaitedTheServersWriteTimeout() throws Exception {
        Map<String, byte[]> image = MediaApi.uniqueImages(1);
        holdAtFal(image);
        String job = GenerationApi.submittedToFal(tenant.memberToken(), image);
        try (Socket stalled = openWithoutReading(job)) {
            Thread.sleep(3000);
            // ~40 MB: more than its socket and the server's buffers take, so the delivery thread's write to it waits.
            appendEvents(job, 4000, "x".repeat(10_000));

            // Grizzly's write timeout (30 s) fails the write and closes the connection; the delivery thread is free again.
            Thread.sleep(45_000);

            stalled.setSoTimeout(10_000);
            assertThat(drained(stalled)).as("bytes the client got before it was dropped").isLessThan(4000L * 10_000);
        } finally {
            MediaApi.as(tenant.memberToken()).post("/generations/" + job + "/cancel");
            releaseAtFal(image);
            dropEvents(job);
        }
    }

    /** Reads what the server sent until it closed the connection; a connection still open fails the read (its timeout). */
    private static long drained(Socket socket) throws IOException {
        byte[] buffer = new byte[65_536];
        long total = 0;
        try {
            for (int n = socket.getInputStream().read(buffer); n >= 0; n = socket.getInputStream().read(buffer)) {
                total += n;
            }
        } catch (SocketException reset) {
            // Closed with data it had not read: reset rather than ended.
        }
        return total;
    }

    /** FAL keeps these images' requests in its queue (their jobs stay open), until {@link #releaseAtFal}. */
    private static void holdAtFal(Map<String, byte[]> images) {
        images.values().forEach(FakeFal.shared()::hold);
    }

    private static void releaseAtFal(Map<String, byte[]> images) {
        images.values().forEach(FakeFal.shared()::release);
    }

    /** Asks for the job's events with a tiny receive window and never reads a byte: a client that stopped reading. */
    private Socket openWithoutReading(String job) throws Exception {
        URI base = URI.create(ArvServer.baseUrl());
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/generations/" + job + "/events HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer " + tenant.memberToken() + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Reads the job's events as they come, each line to {@code lines}, until cancelled. */
    private CompletableFuture<Void> listen(String job, Consumer<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ArvServer.baseUrl() + "/api/v1/generations/" + job + "/events"))
                .header("Authorization", "Bearer " + tenant.memberToken()).header("Accept", "text/event-stream").GET().build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines));
    }

    /** The flood is not kept for the rest of the suite. */
    private static void dropEvents(String job) {
        URI redis = URI.create(ArvServer.stack().redisUrl());
        try (Jedis jedis = new Jedis(redis.getHost(), redis.getPort())) {
            jedis.del("arv:generation:" + job + ":events");
        }
    }

    /** Appends {@code count} progress events with that stage to the job's stream and wakes its listeners, as a worker's would. */
    private static void appendEvents(String job, int count, String stage) {
        URI redis = URI.create(ArvServer.stack().redisUrl());
        try (Jedis jedis = new Jedis(redis.getHost(), redis.getPort())) {
            Pipeline pipeline = jedis.pipelined();
            for (int i = 0; i < count; i++) {
                pipeline.xadd("arv:generation:" + job + ":events", XAddParams.xAddParams(), Map.of("type", "progress", "data",
                        "{\"item\":\"" + job + "\",\"position\":0,\"percent\":" + (i % 100) + ",\"stage\":\"" + stage + "\"}"));
            }
            pipeline.sync();
            jedis.publish("arv:generation:" + job, "appended");
        }
    }
}
