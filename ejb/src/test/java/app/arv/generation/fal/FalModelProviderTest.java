package app.arv.generation.fal;

import app.arv.ServiceBeans;
import app.arv.events.TestRedis;
import app.arv.generation.GenerationFixture;
import app.arv.generation.GenerationService;
import app.arv.generation.GenerationSteps;
import app.arv.generation.ModelRefusedException;
import app.arv.generation.ModelResult;
import app.arv.generation.ProviderRequest;
import app.arv.generation.SourceImage;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.media.Spool;
import app.arv.media.TestSpools;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.shared.Jsonp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The fal provider against a local FAL.AI ({@link FakeFal}), its item's steps on a real PostgreSQL and Redis,
 * each committed on its own as a worker's calls are: what happens to a paid request when an attempt breaks
 * or an answer is lost.
 */
class FalModelProviderTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @TempDir
    Path dataDir;
    private final FakeFal fal = new FakeFal();
    private GenerationFixture fixture;
    /** The item's one message: every attempt here is a delivery of it. */
    private final UUID message = UUID.randomUUID();
    private SourceImage horse;

    @BeforeEach
    void anOrganizationAndAnImage() throws IOException {
        fixture = new GenerationFixture(redis);
        try (InputStream in = FalModelProviderTest.class.getResourceAsStream("/images/horse.png")) {
            horse = new SourceImage(in.readAllBytes(), "image/png", "horse.png");
        }
    }

    @AfterEach
    void stopFal() {
        fal.close();
    }

    private FalModelProvider provider(Duration readTimeout) {
        return new ServiceBeans(null).with(FalRules.class, fal.rules(readTimeout)).with(Spool.class, TestSpools.in(dataDir))
                .get(FalModelProvider.class);
    }

    /** The bytes of the model a result hands over. */
    private static byte[] modelOf(ModelResult result) throws IOException {
        try (result) {
            return Files.readAllBytes(result.glbFile().path());
        }
    }

    /** What the node's spool holds now. */
    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("spool"))) {
            return files.toList();
        }
    }

    /** One delivery of the item's message as GenerationWorker handles it: the item taken, then the model made. */
    private ModelResult attempt(FalModelProvider provider, GenerationItem item) throws ModelRefusedException {
        UUID org = fixture.org();
        GenerationSteps.Claim claim = fixture.call(GenerationSteps.class, steps -> steps.claim(org, item.getId(), message)).orElseThrow();
        return provider.generate(horse, claim.options(),
                (percent, stage) -> fixture.call(GenerationSteps.class, steps -> steps.progress(org, item.getId(), percent, stage)),
                ProviderRequest.of(claim.providerRequest(),
                        accepted -> fixture.run(GenerationSteps.class, steps -> steps.recordProviderRequest(org, item.getId(), accepted))));
    }

    /** The item of a queued job of one image, the horse, for FAL. */
    private GenerationItem queuedItem() {
        return fixture.queuedJob(FalModelProvider.NAME, fixture.image()).get(0);
    }

    /**
     * An attempt of the item on a thread of its own, returned once it waits for FAL (it polled its request's status);
     * what it ends with goes to {@code ended}.
     */
    private Thread attemptWaitingForFal(FalModelProvider provider, GenerationItem item, AtomicReference<Throwable> ended)
            throws InterruptedException {
        Thread attempt = new Thread(() -> ended.set(catchThrowable(() -> attempt(provider, item))));
        attempt.start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (fal.statusPolls() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        return attempt;
    }

    @Test
    void theNextAttemptOfAnItemWhoseAttemptBrokeWhileWaitingResumesFalsRequestInsteadOfPayingForAnother() throws Exception {
        FalModelProvider provider = provider(Duration.ofSeconds(5));
        GenerationItem item = queuedItem();
        fal.hold(horse.bytes());
        AtomicReference<Throwable> firstBroke = new AtomicReference<>();
        Thread first = attemptWaitingForFal(provider, item, firstBroke);
        // The first attempt stops while it waits for FAL (its thread interrupted), the way a stopping server ends it.
        first.interrupt();
        first.join(20_000);
        fal.release(horse.bytes());

        ModelResult second = attempt(provider, item);

        assertThat(firstBroke.get()).isInstanceOf(IllegalStateException.class);
        assertThat(fal.submissions()).isEqualTo(1);
        assertThat(modelOf(second)).isEqualTo(FakeFal.glb());
        assertThat(fixture.reread(item).getAttempts()).isEqualTo(2);
    }

    @Test
    void aSubmissionWhoseAnswerWasLostFailsTheItemWithItsReasonAndIsNotSentAgain() {
        FalModelProvider provider = provider(Duration.ofMillis(500));
        fal.answerSubmissionsAfter(Duration.ofSeconds(3));
        GenerationItem item = queuedItem();

        Throwable refused = catchThrowable(() -> attempt(provider, item));

        assertThat(refused).isInstanceOf(ModelRefusedException.class)
                .hasMessageStartingWith("FAL.AI did not answer the submission")
                .hasMessageEndingWith("it was not submitted again, to avoid paying twice; retry the item to submit it anew");
        assertThat(fal.submissions()).isEqualTo(1);
        assertThat(fixture.reread(item).getProviderRequest()).isNull();
    }

    @Test
    void statusPollsFalDoesNotAnswerForAWhileAreWaitedOutAndTheSameRequestCompletes() throws Exception {
        FalModelProvider provider = provider(Duration.ofSeconds(5));
        GenerationItem item = queuedItem();
        // Each 503 here is what a poll ends with after the client's own retries (or with this node's breaker open).
        fal.refuseNextPolls(3);

        ModelResult result = attempt(provider, item);

        assertThat(modelOf(result)).isEqualTo(FakeFal.glb());
        assertThat(fal.submissions()).isEqualTo(1);
        assertThat(fixture.reread(item).getAttempts()).isEqualTo(1);
    }

    @Test
    void aResultFalDoesNotHandOverForAWhileIsAskedForAgainAndTheSameRequestCompletes() throws Exception {
        FalModelProvider provider = provider(Duration.ofSeconds(5));
        GenerationItem item = queuedItem();
        fal.refuseNextResults(2);

        ModelResult result = attempt(provider, item);

        assertThat(modelOf(result)).isEqualTo(FakeFal.glb());
        assertThat(fal.submissions()).isEqualTo(1);
        assertThat(fal.resultFetches()).isEqualTo(3);
    }

    @Test
    void cancellingTheJobStopsTheWaitingAttemptAtItsNextPollAndCancelsFalsRequestWithoutFetchingTheResult() throws Exception {
        FalModelProvider provider = provider(Duration.ofSeconds(5));
        GenerationItem item = queuedItem();
        fal.hold(horse.bytes());
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread waiting = attemptWaitingForFal(provider, item, ended);

        fixture.call(GenerationService.class, service -> service.cancel(member(), item.getJobId()));
        waiting.join(5_000);

        assertThat(waiting.isAlive()).as("the attempt still polling FAL after the cancel").isFalse();
        assertThat(ended.get()).isInstanceOf(ModelRefusedException.class).hasMessageContaining("no longer wanted");
        assertThat(fal.cancellations()).isEqualTo(1);
        assertThat(fal.resultFetches()).isZero();
        assertThat(fixture.reread(item).getStatus()).isEqualTo(GenerationStatus.CANCELLED);
    }

    @Test
    void anAttemptResumingARequestSubmittedLongerAgoThanTheTimeoutFailsTheItemAtOnceAndCancelsTheRequest() {
        FalModelProvider provider = provider(Duration.ofSeconds(5));
        GenerationItem item = queuedItem();
        fal.hold(horse.bytes());
        UUID org = fixture.org();
        // An earlier attempt submitted it 31 s ago (the timeout here is 30 s), kept it on the item, and broke.
        JsonObject accepted = new ServiceBeans(null).with(FalRules.class, fal.rules(Duration.ofSeconds(5))).get(FalClient.class)
                .submit(FalModelProvider.input(horse, new GenerationOptions(2000, TextureQuality.HD)));
        String kept = Jsonp.createObjectBuilder(accepted).add(FalModelProvider.SUBMITTED_AT, Instant.now().minusSeconds(31).toString())
                .build().toString();
        fixture.call(GenerationSteps.class, steps -> steps.claim(org, item.getId(), message));
        fixture.run(GenerationSteps.class, steps -> steps.recordProviderRequest(org, item.getId(), kept));
        Instant started = Instant.now();

        Throwable refused = catchThrowable(() -> attempt(provider, item));

        assertThat(Duration.between(started, Instant.now())).as("how long the resuming attempt waited").isLessThan(Duration.ofSeconds(10));
        assertThat(refused).isInstanceOf(ModelRefusedException.class).hasMessageStartingWith("FAL.AI did not finish within PT30S");
        assertThat(fal.cancellations()).isEqualTo(1);
        assertThat(fal.submissions()).isEqualTo(1);
    }

    @Test
    void aModelLargerThanTheCapFailsTheItemAsItArrivesAndLeavesNothingInTheSpool() throws IOException {
        FalModelProvider provider = provider(Duration.ofSeconds(5));
        GenerationItem item = queuedItem();
        // Past the cap of 10 000 000 bytes (FakeFal.rules), its length not announced.
        fal.serveModelsOf(12_000_000);

        Throwable refused = catchThrowable(() -> attempt(provider, item));

        assertThat(refused).isInstanceOf(ModelRefusedException.class).hasMessageEndingWith("result file larger than 10000000 bytes");
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aLargeModelIsHandedOverInASpooledFileNotInMemory() throws Exception {
        FalModelProvider provider = provider(Duration.ofSeconds(5));
        GenerationItem item = queuedItem();
        fal.serveModelsOf(8_000_000);

        ModelResult result = attempt(provider, item);

        assertThat(result.glb()).as("the model as an array in memory").isNull();
        assertThat(result.glbFile().size()).isEqualTo(8_000_000);
        assertThat(result.glbFile().sha256()).isEqualTo(FakeFal.sha256(FakeFal.glbOf(8_000_000)));
        result.close();
        assertThat(spooled()).as("the spool once the result is closed").isEmpty();
    }

    private Caller member() {
        return Callers.memberOf(fixture.org());
    }
}
