package app.arv.web.it;

import app.arv.generation.fal.FakeFal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The fal provider against a local fake of FAL.AI's queue API: the protocol, results FAL fails or sends malformed, and a
 * run outliving the transaction timeout. Runs beside other classes: its images are its own, so is what FAL does with
 * them; never beside {@link FalFaultsIT}, which opens FAL's circuit breakers, shared by every organization.
 */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.FAL)
@ResourceLock(value = FalFaultsIT.BREAKERS, mode = ResourceAccessMode.READ)
class FalGenerationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private final FakeFal fal = FakeFal.shared();
    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    @Test
    void aBatchGeneratedByFalEndsWithItsGlbsAndPreviewsInOurStorage() {
        Map<String, byte[]> images = MediaApi.uniqueImages(3);
        String job = GenerationApi.submittedToFal(tenant.memberToken(), images);

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
        Map<String, byte[]> images = MediaApi.uniqueImages(1);
        byte[] image = images.values().iterator().next();
        GenerationApi.awaitFinished(tenant.memberToken(), GenerationApi.submittedToFal(tenant.memberToken(), images), TIMEOUT).body("status",
                equalTo("completed"));

        FakeFal.Submission submission = fal.acceptedFor(image).get(0);
        assertThat(submission.authorization()).isEqualTo("Key " + FakeFal.KEY);
        assertThat((String) submission.input().get("image_url")).startsWith("data:image/png;base64,");
        assertThat(submission.input()).containsEntry("face_limit", 20000).containsEntry("texture", "HD").containsEntry("pbr", true);
    }

    @Test
    void aFailedGenerationAndAMalformedResultFailTheirItemsWithReasonsWhileTheOthersComplete() {
        Map<String, byte[]> images = MediaApi.uniqueImages(3);
        var bytes = images.values().toArray(new byte[0][]);
        fal.behave(bytes[0], FakeFal.Behaviour.GENERATION_FAILED);
        fal.behave(bytes[1], FakeFal.Behaviour.MALFORMED_RESULT);

        GenerationApi.awaitFinished(tenant.memberToken(), GenerationApi.submittedToFal(tenant.memberToken(), images), TIMEOUT)
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

    /**
     * A FAL run outliving the transaction timeout (the suite server's {@link ArvServer#TRANSACTION_TIMEOUT}, shorter than
     * post-boot-commands.txt's 120 s; Payara's JTS timeout thread looks every 10 s) is made once and its message
     * delivered once: the delivery's container transaction, suspended while the worker runs, is not rolled back when the
     * run ends after its timeout, so the broker does not deliver the message again (a redelivery of a finished item's
     * message would be dropped with a log line naming the item).
     */
    @Test
    void aFalRunOutlivingTheTransactionTimeoutCompletesWithItsMessageAcknowledgedOnce() throws Exception {
        Map<String, byte[]> images = MediaApi.uniqueImages(1);
        byte[] image = images.values().iterator().next();
        long linesBefore = AccessLogLines.lineCount();
        fal.hold(image);
        String job;
        try {
            job = GenerationApi.submittedToFal(tenant.memberToken(), images);
            Thread.sleep(ArvServer.TRANSACTION_TIMEOUT.plusSeconds(20).toMillis());
        } finally {
            fal.release(image);
        }

        String item = GenerationApi.awaitFinished(tenant.memberToken(), job, TIMEOUT)
                .body("status", equalTo("completed"))
                .body("items[0].attempts", equalTo(1))
                .extract().path("items[0].id");
        // A rolled-back delivery would come back after the broker's first back-off (1 s), and be dropped with a line
        // naming the item. Only this item's lines are read: classes running meanwhile roll transactions back of their own.
        Thread.sleep(10_000);
        assertThat(fal.acceptedFor(image)).as("submissions FAL accepted").hasSize(1);
        assertThat(AccessLogLines.linesAfter(linesBefore)).as("what the server logged about the item's messages")
                .noneMatch(line -> line.contains("generation item " + item + " dropped"));
        MediaApi.as(tenant.memberToken()).get("/generations/" + job).then().statusCode(200).body("items[0].attempts", equalTo(1));
    }
}
