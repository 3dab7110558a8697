package app.arv.web.it;

import app.arv.generation.fal.FakeFal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * The fal provider when FAL fails in transit: rate limits, server errors, slow answers, an outage long enough to open
 * FAL's circuit breakers. The breakers are shared by every organization, and so are the polls FAL refuses
 * ({@link FakeFal#refuseNextPolls}): no other class that uses FAL runs beside this one ({@link #BREAKERS}). Classes
 * that do not use FAL do: most of this class's time is spent waiting out the breakers and the broker's back-off.
 */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.FAL)
@ResourceLock(FalFaultsIT.BREAKERS)
class FalFaultsIT {

    /**
     * The suite server's FAL circuit breakers and what FakeFal does to every request: this class holds them alone, each
     * other class that uses FAL shares them ({@code @ResourceLock(value = BREAKERS, mode = READ)}).
     */
    static final String BREAKERS = "fal-circuit-breakers";

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    /** FalClient.submit's breaker: requestVolumeThreshold. */
    private static final int SUBMIT_WINDOW = 10;

    private final FakeFal fal = FakeFal.shared();
    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    @Test
    void rateLimitsServerErrorsAndTimeoutsAreRetriedWithoutGeneratingTwice() {
        Map<String, byte[]> images = MediaApi.uniqueImages(3);
        var bytes = images.values().toArray(new byte[0][]);
        fal.behave(bytes[0], FakeFal.Behaviour.RATE_LIMITED_ONCE);
        fal.behave(bytes[1], FakeFal.Behaviour.SERVER_ERROR_ONCE);
        fal.behave(bytes[2], FakeFal.Behaviour.SLOW_ONCE);

        GenerationApi.awaitFinished(tenant.memberToken(), GenerationApi.submittedToFal(tenant.memberToken(), images), TIMEOUT)
                .body("status", equalTo("completed"))
                .body("counts.completed", equalTo(3));

        for (byte[] image : bytes) {
            assertThat(fal.acceptedFor(image)).hasSize(1);
        }
    }

    @Test
    void aFullBatchOfTwentyFiveWithInjectedFaultsFailsExactlyTheItemsFalFailedAndCompletesTheRest() {
        Map<String, byte[]> images = MediaApi.uniqueImages(25);
        var bytes = images.values().toArray(new byte[0][]);
        // Transient faults (retried, must complete) and final ones (must fail), spread through the batch.
        Map<Integer, FakeFal.Behaviour> faults = Map.of(
                2, FakeFal.Behaviour.RATE_LIMITED_ONCE, 5, FakeFal.Behaviour.GENERATION_FAILED,
                8, FakeFal.Behaviour.SERVER_ERROR_ONCE, 11, FakeFal.Behaviour.MALFORMED_RESULT,
                14, FakeFal.Behaviour.SLOW_ONCE, 17, FakeFal.Behaviour.GENERATION_FAILED,
                20, FakeFal.Behaviour.RATE_LIMITED_ONCE, 23, FakeFal.Behaviour.MALFORMED_RESULT);
        faults.forEach((index, behaviour) -> fal.behave(bytes[index], behaviour));

        var finished = GenerationApi.awaitFinished(tenant.memberToken(), GenerationApi.submittedToFal(tenant.memberToken(), images), TIMEOUT)
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
        GenerationApi.awaitFinished(tenant.memberToken(), GenerationApi.submittedToFal(tenant.memberToken(), MediaApi.uniqueImages(SUBMIT_WINDOW)), TIMEOUT)
                .body("status", equalTo("completed"));
        Map<String, byte[]> images = MediaApi.uniqueImages(4);
        images.values().forEach(image -> fal.behave(image, FakeFal.Behaviour.DOWN));

        String job = GenerationApi.submittedToFal(tenant.memberToken(), images);
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
        System.out.printf("FalFaultsIT: the submit breaker opened with %d calls made; %d calls in all%n", callsWhenOpen, calls);
        assertThat(calls).as("calls to FAL, %d of them when the breaker opened", callsWhenOpen).isBetween(8, 8 + 3 + 18);

        // Once FAL answers again, the half-open trial succeeds and the breaker closes.
        Map<String, byte[]> healthy = MediaApi.uniqueImages(1);
        GenerationApi.awaitFinished(tenant.memberToken(), GenerationApi.submittedToFal(tenant.memberToken(), healthy), TIMEOUT)
                .body("status", equalTo("completed"));
        awaitSubmitCircuit("closed", Duration.ofSeconds(30));
    }

    @Test
    void statusPollsFailingUntilTheCircuitOpensAreWaitedOutAndEachItemCompletesWithItsOneSubmission() {
        Map<String, byte[]> images = MediaApi.uniqueImages(2);
        int openedBefore = timesOpened("get");
        // Enough 503s (each poll is 4 calls with the client's retries) to open this node's breaker of FAL's GETs for 30 s.
        fal.refuseNextPolls(16);

        String job = GenerationApi.submittedToFal(tenant.memberToken(), images);

        GenerationApi.awaitFinished(tenant.memberToken(), job, TIMEOUT)
                .body("status", equalTo("completed"))
                .body("counts.completed", equalTo(2));
        images.values().forEach(image -> assertThat(fal.acceptedFor(image)).as("submissions FAL accepted for one image").hasSize(1));
        assertThat(timesOpened("get")).as("times this node's breaker of FAL's GETs opened").isGreaterThan(openedBefore);
    }

    private static int timesOpened(String call) {
        return Api.bearer(Api.platformAdminToken()).get("/admin/system-info").then().statusCode(200)
                .extract().path("fal_circuits.find { it.call == '" + call + "' }.times_opened");
    }

    /** Polls the admin system info until FAL's submit breaker on this node is in {@code state}. */
    private static void awaitSubmitCircuit(String state, Duration timeout) throws InterruptedException {
        String admin = Api.platformAdminToken();
        Instant deadline = Instant.now().plus(timeout);
        String seen = null;
        while (Instant.now().isBefore(deadline)) {
            seen = Api.bearer(admin).get("/admin/system-info").then().statusCode(200)
                    .extract().path("fal_circuits.find { it.call == 'submit' }.state");
            if (state.equals(seen)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("FAL's submit circuit was " + seen + ", not " + state + ", within " + timeout);
    }
}
