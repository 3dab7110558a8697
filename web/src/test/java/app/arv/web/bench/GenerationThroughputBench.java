package app.arv.web.bench;

import app.arv.launcher.ArvNode;
import app.arv.launcher.ArvStack;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static app.arv.web.bench.BenchClient.as;
import static app.arv.web.bench.BenchClient.image;
import static app.arv.web.bench.BenchClient.list;
import static app.arv.web.bench.BenchClient.median;
import static app.arv.web.bench.BenchClient.sleep;
import static app.arv.web.bench.BenchClient.tenantToken;

/**
 * Benchmark, not a test: end-to-end throughput of image-to-3D batches with the local provider, in
 * items per minute, with one ARV node and then with two (a second Payara Micro against the same
 * PostgreSQL, Redis and broker), in the same run so the ratio means something on a noisy machine.
 * Each figure is the time from the POST of a 25-image batch to the job's {@code completed}; each
 * setup runs a warm-up batch first and is measured {@value #ROUNDS} times. Run with
 * web/bench/bench.sh generation [face_limit].
 */
public final class GenerationThroughputBench {

    private static final List<String> OBJECTS = List.of("horse.png", "coffee.png", "camera.png", "coins.png", "rocket.jpg");
    private static final int BATCH = 25;
    private static final int ROUNDS = 3;

    private GenerationThroughputBench() {
    }

    public static void main(String[] args) {
        String faceLimit = args.length > 0 ? args[0] : "10000";
        try (ArvStack arv = ArvStack.builder().env("ARV_ADMIN_EMAIL", BenchClient.ADMIN).env("ARV_ADMIN_PASSWORD", BenchClient.PASSWORD)
                .env("ARV_PASSWORD_BCRYPT_COST", "4")
                // Throughput of the work, not of the client: one key sends more than a client's limits allow.
                .env("ARV_RATE_LIMIT_ENABLED", "false").build().start()) {
            String token = tenantToken(arv.baseUrl());
            List<Double> one = measure("1 node ", arv.baseUrl(), token, faceLimit);
            ArvNode second = arv.addNode();
            List<Double> two = measure("2 nodes", arv.baseUrl(), token, faceLimit);
            second.stop();

            double oneMedian = median(one);
            double twoMedian = median(two);
            System.out.printf("%n%d-image batches, local provider, face_limit %s, %d workers per node, %d CPUs%n",
                    BATCH, faceLimit, workersPerNode(), Runtime.getRuntime().availableProcessors());
            System.out.printf("1 node : median %.1f items/min  (rounds: %s)%n", oneMedian, list(one, "%.1f"));
            System.out.printf("2 nodes: median %.1f items/min  (rounds: %s)%n", twoMedian, list(two, "%.1f"));
            System.out.printf("ratio 2 nodes / 1 node: %.2f%n", twoMedian / oneMedian);
        }
    }

    /** A warm-up batch, then ROUNDS timed ones; answers items/min per round. */
    private static List<Double> measure(String label, String base, String token, String faceLimit) {
        runBatch(base, token, faceLimit, "warm-up " + label);
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            rates.add(runBatch(base, token, faceLimit, label + " round " + round));
        }
        return rates;
    }

    private static double runBatch(String base, String token, String faceLimit, String label) {
        RequestSpecification request = as(base, token).multiPart("face_limit", faceLimit);
        for (int i = 0; i < BATCH; i++) {
            String name = OBJECTS.get(i % OBJECTS.size());
            request.multiPart("files", String.format("%02d-%s", i + 1, name), image(name), "application/octet-stream");
        }
        long start = System.nanoTime();
        String job = request.post("/generations").then().statusCode(202).extract().path("id");
        JsonPath done = awaitFinished(base, token, job);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (done.getInt("counts.completed") != BATCH) {
            throw new IllegalStateException(label + ": only " + done.getInt("counts.completed") + " of " + BATCH + " completed");
        }
        Map<String, Long> byNode = done.<Map<String, Object>>getList("items").stream()
                .collect(Collectors.groupingBy(i -> (String) i.get("node"), TreeMap::new, Collectors.counting()));
        double perMinute = BATCH * 60 / seconds;
        System.out.printf("%-22s %6.1f s  %6.1f items/min  items per node %s%n", label, seconds, perMinute, byNode.values());
        return perMinute;
    }

    private static JsonPath awaitFinished(String base, String token, String job) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        while (Instant.now().isBefore(deadline)) {
            JsonPath state = as(base, token).get("/generations/" + job).then().statusCode(200).extract().jsonPath();
            if (List.of("completed", "failed", "cancelled").contains(state.getString("status"))) {
                return state;
            }
            sleep(200);
        }
        throw new IllegalStateException("job " + job + " did not finish within 15 minutes");
    }

    private static int workersPerNode() {
        String value = System.getenv("ARV_GENERATION_WORKERS");
        return value == null || value.isBlank() ? 2 : Integer.parseInt(value.strip());
    }

}
