package app.arv.storage;

import app.arv.outbound.AllowedHosts;
import app.arv.outbound.OutboundGuard;
import app.arv.shared.DomainException;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class S3ObjectStoreTest extends ObjectStoreContract {

    @RegisterExtension
    static final S3Endpoint server = S3Endpoint.withBucket("arv-contract");
    private static S3ObjectStore store;

    @BeforeAll
    static void aStoreOnIt() {
        store = storeAt(server.endpoint(), S3ProxyServer.SECRET_KEY, okhttp3.Dns.SYSTEM);
    }

    @Override
    ObjectStore store() {
        return store;
    }

    @Test
    void aPresignedPutLetsAClientUploadWithoutCredentials() throws Exception {
        var url = store.presignedPut(prefix + "media/direct", Duration.ofMinutes(5));

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[]{4, 2})).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(store.stat(prefix + "media/direct")).get().extracting(ObjectInfo::size).isEqualTo(2L);
    }

    @Test
    void aPresignedGetServesTheObject() throws Exception {
        store.put(prefix + "media/shared", new ByteArrayInputStream(new byte[]{1, 2, 3}), 3, "application/octet-stream");

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(store.presignedGet(prefix + "media/shared",
                Duration.ofMinutes(1))).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.body()).containsExactly(1, 2, 3);
    }

    @Test
    void wrongCredentialsFailAsAStorageFailure() {
        S3ObjectStore intruder = storeAt(server.endpoint(), "wrong", okhttp3.Dns.SYSTEM);

        assertThatThrownBy(() -> intruder.put(prefix + "media/no", new ByteArrayInputStream(new byte[1]), 1, "text/plain"))
                .isInstanceOf(StorageFailure.class);
    }

    @Test
    void aCopyLandsUnderTheNewKeyAndLeavesTheOriginal() {
        store.put(prefix + "media/from", new ByteArrayInputStream(new byte[]{7, 8}), 2, "image/png");

        store.copy(prefix + "media/from", prefix + "media/to");

        assertThat(store.stat(prefix + "media/to")).get().extracting(ObjectInfo::size).isEqualTo(2L);
        assertThat(store.stat(prefix + "media/from")).isPresent();
    }

    @Test
    void aHostThatResolvesToAnInternalAddressAtConnectTimeIsRefused() {
        // The name passed the check when the connection was saved; now its DNS answers 127.0.0.1 (rebinding).
        OutboundGuard guard = new OutboundGuard(AllowedHosts.none(), host -> new InetAddress[]{InetAddress.getLoopbackAddress()});
        S3ObjectStore rebound = storeAt("http://store.example.com:" + URI.create(server.endpoint()).getPort(),
                S3ProxyServer.SECRET_KEY, guard.dns());

        assertThatThrownBy(() -> rebound.put(prefix + "media/rebound", new ByteArrayInputStream(new byte[1]), 1, "text/plain"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("endpoint_not_allowed"));
    }

    @Test
    void aFailureNeverCarriesTheRemoteBody() throws Exception {
        HttpServer notS3 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notS3.createContext("/", exchange -> {
            byte[] page = "<html><body>internal admin console: secret-token-42</body></html>".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(500, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        notS3.start();
        try {
            S3ObjectStore internal = storeAt("http://127.0.0.1:" + notS3.getAddress().getPort(), "x", okhttp3.Dns.SYSTEM);

            assertThatThrownBy(() -> internal.put(prefix + "media/x", new ByteArrayInputStream(new byte[1]), 1, "text/plain"))
                    .isInstanceOf(StorageFailure.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-token-42").doesNotContain("html"));
        } finally {
            notS3.stop(0);
        }
    }

    @Test
    void aStoreThatNeverAnswersFailsAsAStorageFailure() throws Exception {
        try (ServerSocket tarpit = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            S3ObjectStore silent = new S3ObjectStore("http://127.0.0.1:" + tarpit.getLocalPort(), "us-east-1", "arv-contract",
                    S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY,
                    new StorageTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(2)).httpClient(okhttp3.Dns.SYSTEM));

            assertThatThrownBy(() -> silent.stat(prefix + "media/silent"))
                    .isInstanceOf(StorageFailure.class).hasMessageContaining("timed out");
        }
    }

    @Test
    void aListingThatGoesOnPastItsDeadlineFailsAsAStorageFailure() throws Exception {
        try (MisbehavingS3 slow = new MisbehavingS3(MisbehavingS3.Misbehaviour.ENDLESS_LISTING, Duration.ofMillis(200))) {
            S3ObjectStore endless = new S3ObjectStore(slow.endpoint(), "us-east-1", "arv-media", S3ProxyServer.ACCESS_KEY,
                    S3ProxyServer.SECRET_KEY, new StorageTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
                            .httpClient(okhttp3.Dns.SYSTEM),
                    new S3ObjectStore.ListingBounds(1000, Duration.ofSeconds(1)));

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> endless.usage(prefix))
                    .isInstanceOf(StorageFailure.class).hasMessageContaining("did not end within 1 s"));
            assertThat(slow.pagesListed()).isLessThan(10);
        }
    }

    @Test
    void anErrorAnswerThatNeverEndsFailsOnceItPassesTheLimit() throws Exception {
        try (MisbehavingS3 flooding = new MisbehavingS3(MisbehavingS3.Misbehaviour.ENDLESS_ERROR)) {
            S3ObjectStore store = patientStoreAt(flooding);

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> store.delete(prefix + "media/x"))
                    .isInstanceOf(StorageFailure.class).hasMessageContaining(tooLong()));
            assertThat(flooding.endlessBytesSent()).isLessThan(4 * S3ObjectStore.MAX_ANSWER_BYTES);
        }
    }

    @Test
    void anErrorAnswerToAnObjectReadThatNeverEndsFailsOnceItPassesTheLimit() throws Exception {
        try (MisbehavingS3 flooding = new MisbehavingS3(MisbehavingS3.Misbehaviour.ENDLESS_ERROR)) {
            S3ObjectStore store = patientStoreAt(flooding);

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> store.open(prefix + "media/x", null))
                    .isInstanceOf(StorageFailure.class).hasMessageContaining(tooLong()));
            assertThat(flooding.endlessBytesSent()).isLessThan(4 * S3ObjectStore.MAX_ANSWER_BYTES);
        }
    }

    @Test
    void aListingPageThatNeverEndsFailsOnceItPassesTheLimit() throws Exception {
        try (MisbehavingS3 flooding = new MisbehavingS3(MisbehavingS3.Misbehaviour.ENDLESS_LISTING_PAGE)) {
            S3ObjectStore store = patientStoreAt(flooding);

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> store.usage(prefix))
                    .isInstanceOf(StorageFailure.class).hasMessageContaining(tooLong()));
            assertThat(flooding.endlessBytesSent()).isLessThan(4 * S3ObjectStore.MAX_ANSWER_BYTES);
        }
    }

    @Test
    void theJvmsProxyIsNotUsedTheStoreIsConnectedToDirectly() {
        ProxySelector before = ProxySelector.getDefault();
        S3ObjectStore direct;
        try {
            // A proxy nobody answers at: 127.0.0.1's discard port.
            ProxySelector.setDefault(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9)));
            direct = storeAt(server.endpoint(), S3ProxyServer.SECRET_KEY, okhttp3.Dns.SYSTEM);
        } finally {
            ProxySelector.setDefault(before);
        }

        assertThat(direct.stat(prefix + "media/absent")).isEmpty();
    }

    @Test
    void aReadThatTricklesFailsOnceItFallsBehindTheMinimumRate() throws Exception {
        try (MisbehavingS3 trickling = new MisbehavingS3(MisbehavingS3.Misbehaviour.TRICKLE)) {
            // One byte every 100 ms is never silent for the 2 s read timeout; 1000 bytes at 1000 a second after 1 s: 2 s.
            StorageTimeouts timeouts = new StorageTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1), 1000);
            S3ObjectStore store = new S3ObjectStore(trickling.endpoint(), "us-east-1", "arv-media", S3ProxyServer.ACCESS_KEY,
                    S3ProxyServer.SECRET_KEY, timeouts.httpClient(okhttp3.Dns.SYSTEM), timeouts.readDeadline());
            long started = System.nanoTime();

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> {
                try (InputStream in = store.open(prefix + "media/x", null)) {
                    in.readAllBytes();
                }
            }).isInstanceOf(ReadDeadline.TooSlow.class).hasMessageContaining("slower than the minimum read rate"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    /** A store whose timeouts are far longer than the tests wait: only the answer's size can stop a read. */
    private static S3ObjectStore patientStoreAt(MisbehavingS3 endpoint) {
        return new S3ObjectStore(endpoint.endpoint(), "us-east-1", "arv-media", S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY,
                new StorageTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60)).httpClient(okhttp3.Dns.SYSTEM));
    }

    private static String tooLong() {
        return "longer than " + S3ObjectStore.MAX_ANSWER_BYTES + " bytes";
    }

    private static S3ObjectStore storeAt(String endpoint, String secret, okhttp3.Dns dns) {
        return new S3ObjectStore(endpoint, "us-east-1", "arv-contract", S3ProxyServer.ACCESS_KEY, secret,
                new StorageTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30)).httpClient(dns));
    }
}
