package app.arv.web.it;

import app.arv.generation.fal.FakeFal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

/** The fal provider against a local fake of FAL.AI's queue API: the protocol, its faults, and what ARV does about them. */
@ExtendWith(ArvServer.class)
@Isolated("opens FAL's circuit breakers, shared by every organization, and waits on timings that load upsets")
class FalGenerationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    /** FalClient.submit's breaker: requestVolumeThreshold. */
    private static final int SUBMIT_WINDOW = 10;

    private final FakeFal fal = FakeFal.shared();
    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    private String submitToFal(Map<String, byte[]> images) {
        var request = MediaApi.as(tenant.memberToken()).multiPart("provider", "fal").multiPart("face_limit", "20000")
                .multiPart("texture", "hd");
        images.forEach((name, bytes) -> request.multiPart("files", name, bytes, "application/octet-stream"));
        return request.post("/generations").then().statusCode(202).extract().path("id");
    }

    @Test
    void aBatchGeneratedByFalEndsWithItsGlbsAndPreviewsInOurStorage() {
        Map<String, byte[]> images = uniqueImages(3);
        String job = submitToFal(images);

        GenerationApi.awaitFinished(tenant.memberToken(), job, TIMEOUT)
                .body("status", equalTo("completed"))
                .body("provider", equalTo("fal"))
                .body("counts.completed", equalTo(3))
                .body("items.preview_url", everyItem(notNullValue()));
        Map<String, byte[]> models = GenerationApi.models(MediaApi.as(tenant.memberToken()).get("/generations/" + job + "/archive")
                .then().statusCode(200).extract().asByteArray());

        assertThat(models).hasSize(3);
        models.values().forEach(glb -> assertThat(glb).isEqualTo(FakeFal.glb()));
    }

    @Test
    void theSubmissionCarriesTheKeyTheImageAsADataUriAndTheOptionsInFalsTerms() {
        Map<String, byte[]> images = uniqueImages(1);
        byte[] image = images.values().iterator().next();
        GenerationApi.awaitFinished(tenant.memberToken(), submitToFal(images), TIMEOUT).body("status", equalTo("completed"));

        FakeFal.Submission submission = fal.acceptedFor(image).get(0);
        assertThat(submission.authorization()).isEqualTo("Key " + FakeFal.KEY);
        assertThat((String) submission.input().get("image_url")).startsWith("data:image/png;base64,");
        assertThat(submission.input()).containsEntry("face_limit", 20000).containsEntry("texture", "HD").containsEntry("pbr", true);
    }

    @Test
    void rateLimitsServerErrorsAndTimeoutsAreRetriedWithoutGeneratingTwice() {
        Map<String, byte[]> images = uniqueImages(3);
        var bytes = images.values().toArray(new byte[0][]);
        fal.behave(bytes[0], FakeFal.Behaviour.RATE_LIMITED_ONCE);
        fal.behave(bytes[1], FakeFal.Behaviour.SERVER_ERROR_ONCE);
        fal.behave(bytes[2], FakeFal.Behaviour.SLOW_ONCE);

        GenerationApi.awaitFinished(tenant.memberToken(), submitToFal(images), TIMEOUT)
                .body("status", equalTo("completed"))
                .body("counts.completed", equalTo(3));

        for (byte[] image : bytes) {
            assertThat(fal.acceptedFor(image)).hasSize(1);
        }
    }

    @Test
    void aFailedGenerationAndAMalformedResultFailTheirItemsWithReasonsWhileTheOthersComplete() {
        Map<String, byte[]> images = uniqueImages(3);
        var bytes = images.values().toArray(new byte[0][]);
        fal.behave(bytes[0], FakeFal.Behaviour.GENERATION_FAILED);
        fal.behave(bytes[1], FakeFal.Behaviour.MALFORMED_RESULT);

        GenerationApi.awaitFinished(tenant.memberToken(), submitToFal(images), TIMEOUT)
                .body("status", equalTo("completed"))
                .body("counts.completed", equalTo(1))
                .body("counts.failed", equalTo(2))
                .body("items[0].error", containsString("could not be reconstructed"))
                .body("items[1].error", containsString("returned no model"))
                .body("items[2].status", equalTo("completed"));

        // A paid generation that failed is never submitted again on its own.
        assertThat(fal.acceptedFor(bytes[0])).hasSize(1);
        assertThat(fal.acceptedFor(bytes[1])).hasSize(1);
    }

    @Test
    void aFullBatchOfTwentyFiveWithInjectedFaultsFailsExactlyTheItemsFalFailedAndCompletesTheRest() {
        Map<String, byte[]> images = uniqueImages(25);
        var bytes = images.values().toArray(new byte[0][]);
        // Transient faults (retried, must complete) and final ones (must fail), spread through the batch.
        Map<Integer, FakeFal.Behaviour> faults = Map.of(
                2, FakeFal.Behaviour.RATE_LIMITED_ONCE, 5, FakeFal.Behaviour.GENERATION_FAILED,
                8, FakeFal.Behaviour.SERVER_ERROR_ONCE, 11, FakeFal.Behaviour.MALFORMED_RESULT,
                14, FakeFal.Behaviour.SLOW_ONCE, 17, FakeFal.Behaviour.GENERATION_FAILED,
                20, FakeFal.Behaviour.RATE_LIMITED_ONCE, 23, FakeFal.Behaviour.MALFORMED_RESULT);
        faults.forEach((index, behaviour) -> fal.behave(bytes[index], behaviour));

        var finished = GenerationApi.awaitFinished(tenant.memberToken(), submitToFal(images), TIMEOUT)
                .body("status", equalTo("completed"))
                .body("counts.completed", equalTo(21))
                .body("counts.failed", equalTo(4))
                .extract().jsonPath();

        List<Integer> failedPositions = finished.getList("items.findAll { it.status == 'failed' }.position", Integer.class);
        assertThat(failedPositions).containsExactlyInAnyOrder(5, 11, 17, 23);
        assertThat(GenerationApi.models(MediaApi.as(tenant.memberToken()).get("/generations/" + finished.getString("id") + "/archive")
                .then().statusCode(200).extract().asByteArray())).hasSize(21);
    }

    @Test
    void aFalThatKeepsFailingOpensTheCircuitSoItStopsBeingCalledAndItsItemsFailWithAReadableReason() throws InterruptedException {
        // The breaker judges the last 10 submissions whoever made them (earlier tests' too: only closing clears them), so
        // how many failures open it depends on what they were. Ten that FAL accepts make them known: then the 8th failure
        // (0.75 of 10, rounded) opens it, however the tests ran before.
        GenerationApi.awaitFinished(tenant.memberToken(), submitToFal(uniqueImages(SUBMIT_WINDOW)), TIMEOUT)
                .body("status", equalTo("completed"));
        Map<String, byte[]> images = uniqueImages(4);
        images.values().forEach(image -> fal.behave(image, FakeFal.Behaviour.DOWN));

        String job = submitToFal(images);
        awaitSubmitCircuit("open", TIMEOUT);
        int callsWhenOpen = images.values().stream().mapToInt(fal::submitCallsFor).sum();
        GenerationApi.awaitFinished(tenant.memberToken(), job, TIMEOUT)
                .body("status", equalTo("failed"))
                .body("counts.failed", equalTo(4))
                .body("items.error", everyItem(containsString("Gave up after 5 attempts")));

        // Without a breaker: 4 items x 5 deliveries x 4 tries (the retries) = 80 calls to a FAL that is down. With it: the
        // 8 that open it, at most 3 more the other items had on their way then, and at most one per delivery after that
        // (a trial call when the breaker half-opens, 5 s after opening in the suite; its failure opens it again before the
        // delivery's next try) for the 18 or fewer deliveries left (the first 8 calls took 2 or more of the 20).
        int calls = images.values().stream().mapToInt(fal::submitCallsFor).sum();
        System.out.printf("FalGenerationIT: the submit breaker opened with %d calls made; %d calls in all%n", callsWhenOpen, calls);
        assertThat(calls).as("calls to FAL, %d of them when the breaker opened", callsWhenOpen).isBetween(8, 8 + 3 + 18);

        // Once FAL answers again, the half-open trial succeeds and the breaker closes.
        Map<String, byte[]> healthy = uniqueImages(1);
        GenerationApi.awaitFinished(tenant.memberToken(), submitToFal(healthy), TIMEOUT)
                .body("status", equalTo("completed"));
        awaitSubmitCircuit("closed", Duration.ofSeconds(30));
    }

    @Test
    void statusPollsFailingUntilTheCircuitOpensAreWaitedOutAndEachItemCompletesWithItsOneSubmission() {
        Map<String, byte[]> images = uniqueImages(2);
        int openedBefore = timesOpened("get");
        // Enough 503s (each poll is 4 calls with the client's retries) to open this node's breaker of FAL's GETs for 30 s.
        fal.refuseNextPolls(16);

        String job = submitToFal(images);

        GenerationApi.awaitFinished(tenant.memberToken(), job, TIMEOUT)
                .body("status", equalTo("completed"))
                .body("counts.completed", equalTo(2));
        images.values().forEach(image -> assertThat(fal.acceptedFor(image)).as("submissions FAL accepted for one image").hasSize(1));
        assertThat(timesOpened("get")).as("times this node's breaker of FAL's GETs opened").isGreaterThan(openedBefore);
    }

    /**
     * A FAL run outliving the transaction timeout (the suite server's {@link ArvServer#TRANSACTION_TIMEOUT}, shorter than
     * post-boot-commands.txt's 120 s; Payara's JTS timeout thread looks every 10 s) is made once and its message
     * delivered once: the delivery's container transaction, suspended while the worker runs, is not rolled back when the
     * run ends after its timeout, so the broker does not deliver the message again (a redelivery of a finished item's
     * message would be dropped with a log line naming the item).
     */
    @Test
    void aFalRunOutlivingTheTransactionTimeoutCompletesWithItsMessageAcknowledgedOnce() throws Exception {
        Map<String, byte[]> images = uniqueImages(1);
        byte[] image = images.values().iterator().next();
        long linesBefore = AccessLogLines.lineCount();
        fal.holdQueue(true);
        String job;
        try {
            job = submitToFal(images);
            Thread.sleep(ArvServer.TRANSACTION_TIMEOUT.plusSeconds(20).toMillis());
        } finally {
            fal.holdQueue(false);
        }

        String item = GenerationApi.awaitFinished(tenant.memberToken(), job, TIMEOUT)
                .body("status", equalTo("completed"))
                .body("items[0].attempts", equalTo(1))
                .extract().path("items[0].id");
        // A rolled-back delivery would come back after the broker's first back-off (1 s) and be dropped, with a line saying so.
        Thread.sleep(10_000);
        assertThat(fal.acceptedFor(image)).as("submissions FAL accepted").hasSize(1);
        assertThat(AccessLogLines.linesAfter(linesBefore))
                .as("what the server logged about the delivery")
                .noneMatch(line -> line.contains("generation item " + item + " dropped") || line.contains("AMQ15")
                        || line.toLowerCase(Locale.ROOT).contains("rollback")
                        || line.toLowerCase(Locale.ROOT).contains("rolled back"));
    }

    private static int timesOpened(String call) {
        return Api.bearer(Api.platformAdminToken()).get("/admin/system-info").then().statusCode(200)
                .extract().path("fal_circuits.find { it.call == '" + call + "' }.times_opened");
    }

    /** Polls the admin system info until FAL's submit breaker on this node is in {@code state}. */
    private static void awaitSubmitCircuit(String state, Duration timeout) throws InterruptedException {
        String admin = Api.platformAdminToken();
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        String seen = null;
        while (java.time.Instant.now().isBefore(deadline)) {
            seen = Api.bearer(admin).get("/admin/system-info").then().statusCode(200)
                    .extract().path("fal_circuits.find { it.call == 'submit' }.state");
            if (state.equals(seen)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("FAL's submit circuit was " + seen + ", not " + state + ", within " + timeout);
    }

    /** PNG photos of a coloured disc on a plain background, different bytes every call (FAL sees each as a new image). */
    private static Map<String, byte[]> uniqueImages(int count) {
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 320, 320);
            g.setColor(new Color(ThreadLocalRandom.current().nextInt(0xFFFFFF)));
            g.fillOval(80, 80, 160, 160);
            g.setColor(new Color(ThreadLocalRandom.current().nextInt(0xFFFFFF)));
            g.fillRect(ThreadLocalRandom.current().nextInt(100, 200), 150, 20, 20);
            g.dispose();
            images.put("object-" + (i + 1) + ".png", MediaApi.png(image));
        }
        return images;
    }
}
