package app.arv.web.it;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The compile jobs as operators see them ({@code /admin/batch/jobs}), and batches of portraits long enough to steer. */
final class BatchJobsApi {

    private static final List<String> PORTRAITS = List.of("chelsea.png", "coins.png", "rocket.jpg", "astronaut.png",
            "camera.png", "coffee.png");

    private BatchJobsApi() {
    }

    /** {@code node}: the name of the node that last ran the instance. */
    record Execution(long executionId, long instanceId, boolean latest, String batchStatus, String node) {
    }

    /** Uploads {@code count} portraits in one batch request (one compile job); answers the AR content ids in order. */
    static List<String> uploadDistinctPortraits(String token, String project, int count) {
        var request = MediaApi.as(token);
        for (int i = 0; i < count; i++) {
            String image = PORTRAITS.get(i % PORTRAITS.size());
            // Distinct bytes per portrait (a PNG/JPEG ignores trailing bytes), so each is its own media and compilation.
            request.multiPart("images", i + "-" + image, distinct(MediaApi.image(image), i), "application/octet-stream");
        }
        return request.post("/projects/" + project + "/ar-content/batch").then().statusCode(202).extract().path("items.id");
    }

    /** The organization's compile executions, oldest first. */
    static List<Execution> executionsOf(UUID organizationId) {
        return executionsOf(ArvServer.baseUrl(), Api.reusedPlatformAdminToken(), organizationId, 200);
    }

    /**
     * The same among the {@code newest} executions of all organizations (a small page is a quick answer: each execution
     * listed costs the server a few repository queries), asked of the node at {@code baseUrl} with a platform admin's token.
     */
    static List<Execution> executionsOf(String baseUrl, String adminToken, UUID organizationId, int newest) {
        List<Map<String, Object>> items = io.restassured.RestAssured.given().baseUri(baseUrl).basePath("/api/v1")
                .header("Authorization", "Bearer " + adminToken).get("/admin/batch/jobs?limit=" + newest).then()
                .statusCode(200).extract().path("items");
        return items.stream()
                .filter(e -> organizationId.toString().equals(e.get("organization_id")))
                .map(e -> new Execution(((Number) e.get("execution_id")).longValue(), ((Number) e.get("instance_id")).longValue(),
                        (Boolean) e.get("latest"), (String) e.get("batch_status"), (String) e.get("node")))
                .sorted(Comparator.comparingLong(Execution::executionId))
                .toList();
    }

    /** The batch statuses of each of the organization's job instances, its executions in the order they ran. */
    static Map<Long, List<String>> statusesByInstance(UUID organizationId) {
        return executionsOf(organizationId).stream().collect(Collectors.groupingBy(Execution::instanceId,
                Collectors.mapping(Execution::batchStatus, Collectors.toList())));
    }

    /** Polls until the organization has an execution in {@code status}; answers it. */
    static Execution awaitExecution(UUID organizationId, String status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var found = executionsOf(organizationId).stream().filter(e -> status.equals(e.batchStatus())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No " + status + " execution for " + organizationId + " within " + timeout
                + ": " + executionsOf(organizationId));
    }

    /** Waits until the job is visibly under way: {@code atLeast} portraits ready, so what happens next lands mid-batch. */
    static int awaitReady(String token, String project, int atLeast, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            int ready = readyCount(token, project);
            if (ready >= atLeast) {
                return ready;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Fewer than " + atLeast + " portraits ready after " + timeout);
    }

    static int readyCount(String token, String project) {
        List<String> statuses = MediaApi.as(token).get("/projects/" + project + "/ar-content?limit=200").then()
                .statusCode(200).extract().path("items.marker.status");
        return (int) statuses.stream().filter("ready"::equals).count();
    }

    private static byte[] distinct(byte[] image, int salt) {
        byte[] out = Arrays.copyOf(image, image.length + 4);
        ByteBuffer.wrap(out, image.length, 4).putInt(salt);
        return out;
    }
}
