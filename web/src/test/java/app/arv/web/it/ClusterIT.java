package app.arv.web.it;

import app.arv.marker.CompileRequests;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two ARV processes (the suite's server "A" and a second Payara Micro "B" on another port) share one
 * PostgreSQL, Redis and broker: a batch's items spread over both, progress made on one reaches SSE
 * clients of the other through Redis, an operator's stop of a compile job reaches the job on its node whichever node
 * is asked, and a node killed with SIGKILL mid-batch or mid-compile-job
 * loses nothing: the other node finishes every item exactly once. A node is frozen before it is killed
 * ({@link ServerProcess}), so what the test sees it holding is what it held when it died. The tests that kill a node run last, so the suite
 * restarts a node once for this class rather than before each test.
 */
@ExtendWith(ArvServer.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Isolated("kills nodes and counts the broker's consumers of both")
class ClusterIT {

    private static final List<String> OBJECTS = List.of("horse.png", "coffee.png", "camera.png", "coins.png", "rocket.jpg");
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);
    /** Portraits of the compile job killed mid-way: enough that some are ready and some are not when it dies. */
    private static final int PORTRAITS = 20;
    /** Portraits of a compile job an operator steers while it runs (held running: {@link HeldCompilation}). */
    private static final int STEERED = 24;
    /** Executions listed when looking for this class's (run alone, its own are the newest). */
    private static final int NEWEST = 10;

    @RegisterExtension
    static final SecondNode nodeB = new SecondNode();
    private static String nameA;
    private static String nameB;

    private Api.Tenant tenant;

    @BeforeEach
    void bothNodesRunning() {
        SecondNode.running();
        String admin = Api.platformAdminToken();
        nameA = on(ArvServer.baseUrl(), admin).get("/admin/system-info").then().statusCode(200).extract().path("node");
        nameB = on(nodeB.get().baseUrl(), admin).get("/admin/system-info").then().statusCode(200).extract().path("node");
        assertThat(nameA).isNotEqualTo(nameB);
        tenant = Api.newTenant();
    }

    @Test
    @Order(1)
    void theBrokerSeesTheWorkersOfBothNodesOnEachGenerationQueue() throws Exception {
        String admin = Api.platformAdminToken();

        Integer consumers = awaitFourConsumers(() -> on(nodeB.get().baseUrl(), admin).get("/admin/system-info").then()
                .statusCode(200).extract().path("queues.find { it.name == 'arv.generation.normal' }.consumers"));

        // Two MDB sessions per queue on each node (ARV_GENERATION_WORKERS=2).
        assertThat(consumers).isEqualTo(4);
    }

    @Test
    @Order(1)
    void bothNodesTakeCompileRequests() throws Exception {
        Integer consumers = awaitFourConsumers(() -> BrokerQueues.consumers(CompileRequests.QUEUE));

        // Two MDB sessions of CompileRequestListener on each node.
        assertThat(consumers).isEqualTo(4);
    }

    @Test
    @Order(2)
    void aBatchSubmittedToOneNodeIsWorkedOnByBothAndAnSseClientOnTheFirstSeesTheSecondsProgressLive() throws Exception {
        String job = GenerationApi.submitOne(tenant.memberToken(), batch(16));
        CompletableFuture<SseEvents.Stream> watchingA = CompletableFuture.supplyAsync(() -> readEvents(ArvServer.baseUrl(), job));

        JsonPath finished = awaitFinished(job);
        SseEvents.Stream onA = watchingA.get();

        assertThat(finished.getString("status")).isEqualTo("completed");
        List<Map<String, Object>> items = finished.getList("items");
        Map<String, List<String>> itemsByNode = items.stream().collect(Collectors.groupingBy(
                i -> (String) i.get("node"), Collectors.mapping(i -> (String) i.get("id"), Collectors.toList())));
        assertThat(itemsByNode.keySet()).containsExactlyInAnyOrder(nameA, nameB);
        // Items B finished after A's client connected: their events did not exist when it connected,
        // so they reached it live, through Redis pub/sub, not from the replay.
        List<String> liveFromB = items.stream()
                .filter(i -> nameB.equals(i.get("node")))
                .filter(i -> Instant.parse((String) i.get("finished_at")).isAfter(onA.connectedAt()))
                .map(i -> (String) i.get("id")).toList();
        assertThat(liveFromB).isNotEmpty();
        Set<String> completedOnA = itemsIn(onA, "item_completed");
        Set<String> progressOnA = itemsIn(onA, "progress");
        assertThat(completedOnA).containsAll(liveFromB);
        assertThat(progressOnA).containsAll(liveFromB);
        assertThat(onA.names()).endsWith("completed");
    }

    @Test
    @Order(2)
    void aStopAskedOfTheNodeThatDoesNotRunTheJobIsHandedToTheNodeThatDoesAndTheJobEndsStopped() throws Exception {
        String admin = Api.platformAdminToken();
        String project = MarkerApi.newProject(tenant.memberToken());
        BatchJobsApi.uploadDistinctPortraits(tenant.memberToken(), project, STEERED);
        long execution;
        String runner;
        try (HeldCompilation running = HeldCompilation.of(tenant, project, BATCH_TIMEOUT)) {
            execution = running.execution();
            runner = BatchJobsApi.executionsOf(ArvServer.baseUrl(), admin, tenant.organizationId(), NEWEST).stream()
                    .filter(e -> e.executionId() == execution).findFirst().orElseThrow().node();
            assertThat(runner).as("the node running the job").isIn(nameA, nameB);
            String otherNode = nameA.equals(runner) ? nodeB.get().baseUrl() : ArvServer.baseUrl();

            on(otherNode, admin).post("/admin/batch/jobs/executions/" + execution + "/stop").then().statusCode(202)
                    .body("execution_id", equalTo((int) execution)).body("node", equalTo(runner)).body("handed_over", equalTo(true));
        }

        assertThat(BatchJobsApi.awaitExecution(tenant.organizationId(), "STOPPED", BATCH_TIMEOUT).executionId()).isEqualTo(execution);
    }

    @Test
    @Order(4)
    void aNodeKilledMidBatchLosesNothingAndTheOtherFinishesEveryItemExactlyOnce() throws Exception {
        String job = GenerationApi.submitOne(tenant.memberToken(), batch(25));
        List<String> heldByB = ServerProcess.freezeWhileHolding(nodeB.get().pid(), BATCH_TIMEOUT, () -> itemsProcessingOn(job, nameB));

        ServerProcess.kill(nodeB.get().pid());
        JsonPath finished = awaitFinished(job);

        assertThat(finished.getString("status")).isEqualTo("completed");
        assertThat(finished.getInt("counts.completed")).isEqualTo(25);
        // What B held when it died (frozen, it finished nothing after the look) A took over, as a second attempt.
        List<Map<String, Object>> takenOver = finished.<Map<String, Object>>getList("items").stream()
                .filter(i -> heldByB.contains(i.get("id"))).toList();
        assertThat(takenOver).hasSize(heldByB.size()).allSatisfy(item -> {
            assertThat(item.get("node")).as("node of %s", item.get("id")).isEqualTo(nameA);
            assertThat((Integer) item.get("attempts")).as("attempts of %s", item.get("id")).isGreaterThanOrEqualTo(2);
        });
        SseEvents.Stream history = readEvents(ArvServer.baseUrl(), job);
        Map<String, Long> completions = history.events().stream().filter(e -> "item_completed".equals(e.name()))
                .collect(Collectors.groupingBy(e -> JsonPath.from(e.data()).getString("item"), Collectors.counting()));
        assertThat(completions).hasSize(25).allSatisfy((item, times) -> assertThat(times).as(item).isEqualTo(1L));
        byte[] zip = MediaApi.as(tenant.memberToken()).get("/generations/" + job + "/archive").then()
                .statusCode(200).extract().asByteArray();
        assertThat(GenerationApi.models(zip)).hasSize(25)
                .allSatisfy((name, glb) -> assertThat(GenerationApi.GlbHeader.of(glb).magic()).isEqualTo("glTF"));
    }

    @Test
    @Order(3)
    void aCompileJobWhoseNodeIsKilledIsRestartedByTheOtherNodeAndEveryPortraitIsReadyOnce() throws Exception {
        String admin = Api.platformAdminToken();
        String project = MarkerApi.newProject(tenant.memberToken());
        List<String> ids = BatchJobsApi.uploadDistinctPortraits(tenant.memberToken(), project, PORTRAITS);
        BatchJobsApi.Execution running = awaitRunningWithSomeReady(admin, project);
        boolean killA = nameA.equals(running.node());
        String survivor = killA ? nodeB.get().baseUrl() : ArvServer.baseUrl();
        long victim = killA ? ArvServer.stack().payaraPid() : nodeB.get().pid();

        ServerProcess.freeze(victim);
        long readyAtKill = readyCount(survivor, project);
        ServerProcess.kill(victim);
        try {
            for (String id : ids) {
                awaitMarker(survivor, id).body("status", equalTo("ready")).body("compilations", equalTo(1));
            }
            assertThat(readyAtKill).as("portraits ready when the job's node died").isBetween(2L, PORTRAITS - 1L);
            List<BatchJobsApi.Execution> executions = BatchJobsApi.executionsOf(survivor, admin, tenant.organizationId(), NEWEST)
                    .stream().filter(e -> e.instanceId() == running.instanceId()).toList();
            // The same job instance, restarted by the survivor's recovery timer: no new job took the items.
            assertThat(executions).extracting(BatchJobsApi.Execution::batchStatus).containsExactly("STARTED", "COMPLETED");
            assertThat(executions.get(1).node()).isEqualTo(killA ? nameB : nameA);
        } finally {
            if (killA) {
                ArvServer.restart();
            }
        }
    }

    /** The consumers a queue has once both nodes' two MDB sessions are on it, or as many as it has after 30 s. */
    private static Integer awaitFourConsumers(Callable<Integer> consumers) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        Integer count = consumers.call();
        while (!Integer.valueOf(4).equals(count) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            count = consumers.call();
        }
        return count;
    }

    /** The tenant's compile execution once a couple of portraits are ready (the job is mid-way), with its node. */
    private BatchJobsApi.Execution awaitRunningWithSomeReady(String admin, String project) throws InterruptedException {
        Instant deadline = Instant.now().plus(BATCH_TIMEOUT);
        List<BatchJobsApi.Execution> executions = List.of();
        long ready = 0;
        while (Instant.now().isBefore(deadline)) {
            // The execution first: ready portraits seen after it are of a job that was still running then.
            executions = BatchJobsApi.executionsOf(ArvServer.baseUrl(), admin, tenant.organizationId(), NEWEST);
            var started = executions.stream().filter(e -> "STARTED".equals(e.batchStatus()) && e.node() != null).findFirst();
            ready = readyCount(ArvServer.baseUrl(), project);
            if (ready >= 2 && started.isPresent()) {
                return started.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The compile job was not under way within " + BATCH_TIMEOUT + ": " + ready
                + " portraits ready, executions " + executions);
    }

    private long readyCount(String baseUrl, String project) {
        List<String> statuses = on(baseUrl, tenant.memberToken()).get("/projects/" + project + "/ar-content?limit=50").then()
                .statusCode(200).extract().path("items.marker.status");
        return statuses.stream().filter("ready"::equals).count();
    }

    private io.restassured.response.ValidatableResponse awaitMarker(String baseUrl, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(BATCH_TIMEOUT);
        while (true) {
            var marker = on(baseUrl, tenant.memberToken()).get("/ar-content/" + id + "/marker").then().statusCode(200);
            String status = marker.extract().path("status");
            if ("ready".equals(status) || "failed".equals(status) || Instant.now().isAfter(deadline)) {
                return marker;
            }
            Thread.sleep(250);
        }
    }

    private static Map<String, byte[]> batch(int size) {
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            String name = OBJECTS.get(i % OBJECTS.size());
            images.put(String.format("%02d-%s", i + 1, name), MediaApi.image(name));
        }
        return images;
    }

    private JsonPath awaitFinished(String job) {
        return GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("completed")).extract().jsonPath();
    }

    /** The items the node is working on, once the batch is mid-way (some completed); none before. */
    private List<String> itemsProcessingOn(String job, String node) {
        JsonPath state = MediaApi.as(tenant.memberToken()).get("/generations/" + job).then().statusCode(200).extract().jsonPath();
        assertThat(state.getString("status")).as("the batch ended before %s was caught working on it", node).isNotEqualTo("completed");
        if (state.getInt("counts.completed") == 0) {
            return List.of();
        }
        return state.<Map<String, Object>>getList("items").stream()
                .filter(i -> "processing".equals(i.get("status")) && node.equals(i.get("node")))
                .map(i -> (String) i.get("id")).toList();
    }

    private SseEvents.Stream readEvents(String baseUrl, String job) {
        try {
            return SseEvents.read(baseUrl, tenant.memberToken(), "/generations/" + job + "/events", null, BATCH_TIMEOUT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> itemsIn(SseEvents.Stream stream, String event) {
        return stream.events().stream().filter(e -> event.equals(e.name()))
                .map(e -> JsonPath.from(e.data()).getString("item")).collect(Collectors.toSet());
    }

    private static RequestSpecification on(String baseUrl, String token) {
        return RestAssured.given().baseUri(baseUrl).basePath("/api/v1").contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }
}
