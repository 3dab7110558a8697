package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load test on loopback: one API key driven past its limit from 4 concurrent connections
 * (a fixed number of requests, so it stops by itself). Exactly the limit's worth are allowed, each
 * allowed answer names a different remaining count, every refusal is a 429 whose headers agree, and
 * another key of the same organization and a key of another organization are not affected. Prints
 * the p99 latency of the allowed requests.
 */
@ExtendWith(ArvServer.class)
@Isolated("a load test: the latency it prints is of its own requests alone")
class RateLimitLoadIT {

    private static final int LIMIT = 200;
    private static final int CONNECTIONS = 4;
    private static final int REQUESTS_PER_CONNECTION = 75;

    @Test
    void oneKeyPastItsLimitFromFourConnections() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        Api.Tenant neighbour = Api.newTenant();
        // The hour window holds the limit: 300 requests take seconds, a minute window could reset half-way.
        Limits.set(tenant.organizationId(), Map.of("requests_per_minute", 1_000_000, "requests_per_hour", LIMIT));

        List<Answer> answers = drive(tenant.userKey());

        List<Answer> allowed = answers.stream().filter(a -> a.status() == 200).toList();
        List<Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(allowed.size() + refused.size()).isEqualTo(answers.size());
        assertThat(allowed).hasSize(LIMIT);
        assertThat(allowed).allSatisfy(a -> assertThat(a.limit()).isEqualTo(LIMIT));
        assertThat(allowed.stream().map(Answer::remaining).sorted().toList())
                .isEqualTo(java.util.stream.LongStream.range(0, LIMIT).boxed().toList());
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.limit()).isEqualTo(LIMIT);
            assertThat(a.remaining()).isZero();
            assertThat(a.retryAfter()).isBetween(1L, 3600L);
            assertThat(a.reset()).isBetween(a.retryAfter() - 1, a.retryAfter());
        });
        assertThat(get(HttpClient.newHttpClient(), tenant.adminKey()).status()).isEqualTo(200);
        assertThat(get(HttpClient.newHttpClient(), neighbour.userKey()).status()).isEqualTo(200);

        List<Long> latencies = new ArrayList<>(allowed.stream().map(Answer::micros).toList());
        Collections.sort(latencies);
        long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
        System.out.printf("RateLimitLoadIT: %d requests from %d connections, %d allowed, %d refused (429); "
                + "allowed p50 %.1f ms, p99 %.1f ms%n", answers.size(), CONNECTIONS, allowed.size(), refused.size(),
                latencies.get(latencies.size() / 2) / 1000.0, p99 / 1000.0);
    }

    private static List<Answer> drive(String key) throws Exception {
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Callable<List<Answer>>> work = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                work.add(() -> {
                    // A client of its own: its own connection.
                    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                    List<Answer> mine = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_PER_CONNECTION; i++) {
                        mine.add(get(client, key));
                    }
                    return mine;
                });
            }
            List<Answer> all = new ArrayList<>();
            for (Future<List<Answer>> done : connections.invokeAll(work)) {
                all.addAll(done.get());
            }
            return all;
        } finally {
            connections.shutdownNow();
        }
    }

    private static Answer get(HttpClient client, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ArvServer.baseUrl() + "/api/v1/projects"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30)).GET().build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - started) / 1000;
            return new Answer(response.statusCode(), header(response, "X-RateLimit-Limit"), header(response, "X-RateLimit-Remaining"),
                    header(response, "X-RateLimit-Reset"), header(response, "Retry-After"), micros);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).map(Long::parseLong).orElse(-1L);
    }

    private record Answer(int status, long limit, long remaining, long reset, long retryAfter, long micros) {
    }
}
