package app.arv.web.bench;

import app.arv.launcher.ArvStack;
import io.restassured.specification.RequestSpecification;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static app.arv.web.bench.BenchClient.as;
import static app.arv.web.bench.BenchClient.image;
import static app.arv.web.bench.BenchClient.list;
import static app.arv.web.bench.BenchClient.median;
import static app.arv.web.bench.BenchClient.sleep;
import static app.arv.web.bench.BenchClient.tenantToken;

/**
 * Benchmark, not a test: AR marker compilation through the deployed app. (1) Time from the upload of
 * one portrait (POST /projects/{id}/ar-content) to its marker being {@code ready}, {@value #SINGLES}
 * times; (2) throughput of a {@value #BATCH}-portrait batch upload (one compile-markers job) in
 * portraits per minute, {@value #ROUNDS} rounds. Each portrait has its own bytes, so nothing is
 * deduplicated. A warm-up batch runs first. Run with web/bench/bench.sh markers.
 */
public final class MarkerThroughputBench {

    private static final List<String> PORTRAITS = List.of("chelsea.png", "coins.png", "rocket.jpg", "astronaut.png",
            "camera.png", "coffee.png");
    private static final int SINGLES = 5;
    private static final int BATCH = 20;
    private static final int ROUNDS = 3;
    private static int salt;

    private MarkerThroughputBench() {
    }

    public static void main(String[] args) {
        try (ArvStack arv = ArvStack.builder().env("ARV_ADMIN_EMAIL", BenchClient.ADMIN).env("ARV_ADMIN_PASSWORD", BenchClient.PASSWORD)
                .env("ARV_PASSWORD_BCRYPT_COST", "4")
                // Throughput of the work, not of the client: one key sends more than a client's limits allow.
                .env("ARV_RATE_LIMIT_ENABLED", "false").build().start()) {
            String base = arv.baseUrl();
            String token = tenantToken(base);
            String project = as(base, token).contentType("application/json").body(Map.of("name", "Bench"))
                    .post("/projects").then().statusCode(201).extract().path("id");

            batch(base, token, project, "warm-up");
            List<Double> singles = new ArrayList<>();
            for (int i = 0; i < SINGLES; i++) {
                singles.add(single(base, token, project, PORTRAITS.get(i % PORTRAITS.size())));
            }
            List<Double> rates = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                rates.add(batch(base, token, project, "round " + round));
            }
            System.out.printf("%none portrait, upload to ready: median %.2f s (runs: %s)%n", median(singles), list(singles, "%.2f"));
            System.out.printf("%d-portrait batch: median %.1f portraits/min (rounds: %s); %d partitions, %d CPUs%n",
                    BATCH, median(rates), list(rates, "%.1f"), partitions(), Runtime.getRuntime().availableProcessors());
        }
    }

    private static double single(String base, String token, String project, String portrait) {
        long start = System.nanoTime();
        String id = as(base, token).multiPart("image", portrait, distinct(portrait), "application/octet-stream")
                .multiPart("title", "single").post("/projects/" + project + "/ar-content").then().statusCode(202)
                .extract().path("id");
        awaitReady(base, token, List.of(id));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("single %-14s %5.2f s%n", portrait, seconds);
        return seconds;
    }

    private static double batch(String base, String token, String project, String label) {
        RequestSpecification request = as(base, token);
        for (int i = 0; i < BATCH; i++) {
            String portrait = PORTRAITS.get(i % PORTRAITS.size());
            request.multiPart("images", i + "-" + portrait, distinct(portrait), "application/octet-stream");
        }
        long start = System.nanoTime();
        List<String> ids = request.post("/projects/" + project + "/ar-content/batch").then().statusCode(202)
                .extract().path("items.id");
        awaitReady(base, token, ids);
        double seconds = (System.nanoTime() - start) / 1e9;
        double perMinute = BATCH * 60 / seconds;
        System.out.printf("batch %-10s %6.1f s  %6.1f portraits/min%n", label, seconds, perMinute);
        return perMinute;
    }

    private static void awaitReady(String base, String token, List<String> ids) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        List<String> waiting = new ArrayList<>(ids);
        while (!waiting.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(waiting.size() + " markers not ready within 10 minutes");
            }
            String id = waiting.get(0);
            String status = as(base, token).get("/ar-content/" + id + "/marker").then().statusCode(200).extract().path("status");
            if ("failed".equals(status)) {
                throw new IllegalStateException("marker " + id + " failed");
            }
            if ("ready".equals(status)) {
                waiting.remove(0);
            } else {
                sleep(50);
            }
        }
    }

    /** The portrait with 4 bytes appended (PNG and JPEG decoders ignore them): new content every call. */
    private static byte[] distinct(String portrait) {
        byte[] image = image(portrait);
        byte[] out = Arrays.copyOf(image, image.length + 4);
        ByteBuffer.wrap(out, image.length, 4).putInt(++salt);
        return out;
    }

    private static int partitions() {
        String value = System.getenv("ARV_MARKERS_PARTITIONS");
        return value == null || value.isBlank() ? 2 : Integer.parseInt(value.strip());
    }

}
