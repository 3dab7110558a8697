package app.arv.web.it;

import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** AR content over HTTP: a portrait goes in, the batch job compiles it, the marker and its report come out. */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.LONG)
class ArContentIT {

    private Api.Tenant tenant;
    private String project;

    @BeforeEach
    void freshTenantWithAProject() {
        tenant = Api.newTenant();
        project = MarkerApi.newProject(tenant.memberToken());
    }

    @Test
    void aNewPortraitsRequestTimeIsAnsweredAsItIsReadBack() {
        var created = MarkerApi.create(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"), "Chelsea")
                .statusCode(202).extract();
        String answered = created.path("marker.requested_at");

        assertThat(answered).isNotNull();
        Api.bearer(tenant.memberToken()).get("/ar-content/" + created.path("id")).then().statusCode(200)
                .body("marker.requested_at", equalTo(answered));
    }

    @Test
    void anUploadedPortraitIsAcceptedAndQueuedForCompilation() {
        MarkerApi.create(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"), "Chelsea")
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/ar-content/[0-9a-f-]{36}"))
                .body("title", equalTo("Chelsea"))
                .body("unique_id", matchesPattern("[0-9A-Za-z]{22}"))
                .body("marker.status", anyOf(equalTo("pending"), equalTo("compiling"), equalTo("ready")))
                .body("viewer_url", matchesPattern("/ar/[0-9A-Za-z]{22}"));
    }

    @Test
    void aBatchTitlesEachPortraitByItsFileNameWithoutControlCharacters() {
        byte[] body = MediaApi.handMade(List.of(Map.entry("form-data; name=\"images\"; filename*=UTF-8''a%00b%0D%0Ac%C2%85.png",
                MediaApi.image("chelsea.png"))));

        MediaApi.as(tenant.memberToken()).contentType(MediaApi.HAND_MADE).body(body)
                .post("/projects/" + project + "/ar-content/batch").then().statusCode(202)
                .body("items.title", contains("a_b__c_"));
    }

    @Test
    void theBatchJobCompilesAPortraitToAReadyMarkerWithAQualityReport() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));

        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT)
                .body("status", equalTo("ready"))
                .body("verdict", anyOf(equalTo("good"), equalTo("weak")))
                .body("score", greaterThan(0))
                .body("quality.total_features", greaterThan(0))
                .body("quality.reasons", notNullValue())
                .body("width", equalTo(451)).body("height", equalTo(300))
                .body("compilations", equalTo(1));
    }

    @Test
    void theStoredMindFileHoldsOneTargetOfThePortraitsSize() throws Exception {
        String id = MarkerApi.readyOne(tenant.memberToken(), project, "chelsea.png", MarkerApi.COMPILE_TIMEOUT);

        byte[] mind = MediaApi.as(tenant.memberToken()).get("/ar-content/" + id + "/marker/file").then().statusCode(200)
                .contentType("application/octet-stream").extract().asByteArray();

        MindFile file = new MindReader().read(mind);
        assertThat(file.targets()).hasSize(1);
        assertThat(file.targets().get(0).width()).isEqualTo(451);
    }

    @Test
    void aFlatImageIsReportedUnusableAndEndsFailedWithThatReason() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "grey.png", MarkerApi.flatImage());

        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT)
                .body("status", equalTo("failed"))
                .body("verdict", equalTo("unusable"))
                .body("failure", containsString("unusable"))
                .body("quality.verdict", equalTo("unusable"))
                .body("file_url", equalTo(null));
    }

    @Test
    void aPortraitTooNarrowToEverCompileIsRefusedAtUploadAsTheQualityCheckRefusesItAndNothingIsStored() {
        byte[] strip = strip();
        String checked = MediaApi.as(tenant.memberToken()).multiPart("image", "strip.png", strip, "image/png")
                .post("/markers/analyze").then().statusCode(422).body("code", equalTo("image_refused"))
                .extract().path("detail");

        MarkerApi.create(tenant.memberToken(), project, "strip.png", strip, "Strip").statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("image_refused"))
                .body("detail", equalTo(checked))
                .body("detail", containsString("too narrow"));

        MediaApi.as(tenant.memberToken()).get("/projects/" + project + "/ar-content").then().statusCode(200)
                .body("total", equalTo(0));
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).isZero();
    }

    @Test
    void aLibraryImageTooNarrowToEverCompileIsRefusedAsAPortrait() {
        String media = MediaApi.uploadOne(tenant.memberToken(), "strip.png", strip());

        Api.bearer(tenant.memberToken()).body(Map.of("title", "Strip", "media_id", media))
                .post("/projects/" + project + "/ar-content").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("image_refused"))
                .body("detail", containsString("too narrow"));
    }

    /** 40x4000: a fine image to keep, never a marker (10x1024 at the compiler's working size). */
    private static byte[] strip() {
        BufferedImage strip = new BufferedImage(40, 4000, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < strip.getHeight(); y++) {
            for (int x = 0; x < strip.getWidth(); x++) {
                strip.setRGB(x, y, ((x * 37 + y * 11) % 256) * 0x010101 ^ ((y / 7) % 2 == 0 ? 0x402010 : 0));
            }
        }
        return MediaApi.png(strip);
    }

    @Test
    void analyzingAnImageReportsItsQualityAndStoresNothing() {
        MediaApi.as(tenant.memberToken()).multiPart("image", "grey.png", MarkerApi.flatImage(), "application/octet-stream")
                .post("/markers/analyze").then().statusCode(200)
                .body("verdict", equalTo("unusable"))
                .body("total_features", equalTo(0))
                .body("reasons.size()", greaterThan(0));

        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isZero();
    }

    @Test
    void analyzingAPortraitReportsItUsable() {
        MediaApi.as(tenant.memberToken()).multiPart("image", "chelsea.png", MediaApi.image("chelsea.png"), "image/png")
                .post("/markers/analyze").then().statusCode(200)
                .body("verdict", anyOf(equalTo("good"), equalTo("weak")))
                .body("width", equalTo(451));
    }

    @Test
    void contentCanBeCreatedFromAnImageAlreadyInTheLibrary() {
        String media = MediaApi.uploadOne(tenant.memberToken(), "rocket.jpg", MediaApi.image("rocket.jpg"));

        String id = Api.bearer(tenant.memberToken()).body(Map.of("title", "Horse", "media_id", media, "order_number", "A-17"))
                .post("/projects/" + project + "/ar-content").then().statusCode(202)
                .body("source_media_id", equalTo(media)).body("order_number", equalTo("A-17"))
                .extract().path("id");

        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"));
    }

    @Test
    void aNewTitleAndCustomerAreChangedWithoutTouchingTheRest() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));

        Api.bearer(tenant.memberToken()).body(Map.of("title", "Coins", "customer_email", "ann@example.com"))
                .patch("/ar-content/" + id).then().statusCode(200)
                .body("title", equalTo("Coins")).body("customer_email", equalTo("ann@example.com"))
                .body("published", equalTo(true));
    }

    @Test
    void aFieldSentAsNullIsClearedAndAnAbsentOneStays() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        Api.bearer(tenant.memberToken()).body(Map.of("order_number", "A-17", "expires_at", "2030-01-01T00:00:00Z"))
                .patch("/ar-content/" + id).then().statusCode(200).body("order_number", equalTo("A-17"));

        Api.bearer(tenant.memberToken()).body("{\"order_number\": null, \"expires_at\": null}").patch("/ar-content/" + id)
                .then().statusCode(200).body("order_number", equalTo(null)).body("expires_at", equalTo(null))
                .body("title", equalTo("Portrait coins.png"));
    }

    @Test
    void theTitleCannotBeCleared() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));

        Api.bearer(tenant.memberToken()).body("{\"title\": null}").patch("/ar-content/" + id).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("required_field"));
    }

    @Test
    void aChangeNamingAMemberItDoesNotTakeOrAValueOfTheWrongKindIsRefusedByNameAndChangesNothing() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));

        for (Map.Entry<String, String> refused : Map.of("{\"titel\": \"Coins\"}", "titel",
                "{\"title\": \"Coins\", \"active_from\": \"tomorrow\"}", "active_from",
                "{\"title\": \"   \"}", "title").entrySet()) {
            Api.bearer(tenant.memberToken()).body(refused.getKey()).patch("/ar-content/" + id).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo(refused.getValue()));
        }

        Api.bearer(tenant.memberToken()).get("/ar-content/" + id).then().statusCode(200).body("title", equalTo("Portrait coins.png"));
    }

    @Test
    void aChangeMadeFromAStaleReadingIsRefusedWithPreconditionFailed() {
        // Compiled first: the compile job's own writes move the ETag too.
        String id = MarkerApi.readyOne(tenant.memberToken(), project, "chelsea.png", MarkerApi.COMPILE_TIMEOUT);
        String read = Api.bearer(tenant.memberToken()).get("/ar-content/" + id).then().statusCode(200)
                .header("ETag", matchesPattern("\"[0-9]+-[0-9]+\\.[0-9]{6}\"")).extract().header("ETag");
        String afterFirst = Api.bearer(tenant.memberToken()).header("If-Match", read).body(Map.of("title", "First"))
                .patch("/ar-content/" + id).then().statusCode(200).extract().header("ETag");

        Api.bearer(tenant.memberToken()).header("If-Match", read).body(Map.of("title", "Second")).patch("/ar-content/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("code", equalTo("precondition_failed"));

        assertThat(afterFirst).isNotEqualTo(read);
        Api.bearer(tenant.memberToken()).get("/ar-content/" + id).then().body("title", equalTo("First")).header("ETag", afterFirst);
        Api.bearer(tenant.memberToken()).header("If-Match", afterFirst).body(Map.of("title", "Third")).patch("/ar-content/" + id)
                .then().statusCode(200).body("title", equalTo("Third"));
    }

    @Test
    void aChangeFromAReadingTakenWhileTheMarkerCompiledIsMadeOnceTheMarkerIsReady() throws Exception {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
        // Read while the job holds the item, so the job's result is written after the reading.
        HeldCompilation compiling = HeldCompilation.of(tenant, project, MarkerApi.COMPILE_TIMEOUT);
        String read;
        try {
            read = Api.bearer(tenant.memberToken()).get("/ar-content/" + id).then().statusCode(200)
                    .body("marker.status", equalTo("compiling")).extract().header("ETag");
        } finally {
            compiling.close();
        }
        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"));

        Api.bearer(tenant.memberToken()).header("If-Match", read).body(Map.of("title", "Chelsea at dusk"))
                .patch("/ar-content/" + id).then().statusCode(200).body("title", equalTo("Chelsea at dusk"))
                .header("ETag", not(equalTo(read)));
    }

    @Test
    void anInvalidCustomerEmailIsRejectedByField() {
        MediaApi.as(tenant.memberToken()).multiPart("image", "coins.png", MediaApi.image("coins.png"), "image/png")
                .multiPart("title", "Coins").multiPart("customer_email", "not-an-address")
                .post("/projects/" + project + "/ar-content").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("customer_email"));
    }

    @Test
    void aPublishedFieldOtherThanTrueOrFalseIsRefusedNotReadAsUnpublished() {
        MediaApi.as(tenant.memberToken()).multiPart("image", "coins.png", MediaApi.image("coins.png"), "image/png")
                .multiPart("title", "Coins").multiPart("published", "1")
                .post("/projects/" + project + "/ar-content").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid_filter"))
                .body("detail", equalTo("published must be true or false"));

        Api.bearer(tenant.memberToken()).get("/projects/" + project + "/ar-content").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aChangeOfPublishedToTextOrANumberIsRefusedByNameAndTheViewerStaysOnline() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));

        for (String published : List.of("\"yes\"", "1")) {
            Api.bearer(tenant.memberToken()).body("{\"published\":" + published + "}").patch("/ar-content/" + id).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("published"));
        }

        Api.bearer(tenant.memberToken()).get("/ar-content/" + id).then().statusCode(200).body("published", equalTo(true));
    }

    @Test
    void anotherOrganizationsContentIsNotFound() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        Api.Tenant other = Api.newTenant();

        MediaApi.as(other.memberToken()).get("/ar-content/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        MediaApi.as(other.memberToken()).delete("/ar-content/" + id).then().statusCode(404);
    }

    @Test
    void regeneratingAReadyMarkerCompilesItAgain() {
        String id = MarkerApi.readyOne(tenant.memberToken(), project, "rocket.jpg", MarkerApi.COMPILE_TIMEOUT);

        MediaApi.as(tenant.memberToken()).post("/ar-content/" + id + "/marker/regenerate").then().statusCode(202);

        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"))
                .body("compilations", equalTo(2));
    }

    @Test
    void replacingThePortraitRecompilesFromTheNewImage() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "grey.png", MarkerApi.flatImage());
        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("failed"));

        MediaApi.as(tenant.memberToken()).multiPart("image", "chelsea.png", MediaApi.image("chelsea.png"), "image/png")
                .put("/ar-content/" + id + "/image").then().statusCode(202);

        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"))
                .body("failure", equalTo(null));
    }

    @Test
    void deletingTheContentDeletesThePortraitUploadedWithIt() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        String portrait = portraitOf(id);

        MediaApi.as(tenant.memberToken()).delete("/ar-content/" + id).then().statusCode(204);

        MediaApi.as(tenant.memberToken()).get("/media/" + portrait).then().statusCode(404);
        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isZero();
    }

    @Test
    void replacingThePortraitDeletesTheOneUploadedBefore() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        String replaced = portraitOf(id);

        MediaApi.as(tenant.memberToken()).multiPart("image", "chelsea.png", MediaApi.image("chelsea.png"), "image/png")
                .put("/ar-content/" + id + "/image").then().statusCode(202);

        MediaApi.as(tenant.memberToken()).get("/media/" + replaced).then().statusCode(404);
        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isZero();
    }

    @Test
    void replacingThePortraitDeletesTheOldFilesBeforeAnsweringAndWarnsOfNothing() throws Exception {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));

        String request = MediaApi.as(tenant.memberToken()).multiPart("image", "chelsea.png", MediaApi.image("chelsea.png"), "image/png")
                .put("/ar-content/" + id + "/image").then().statusCode(202).extract().header("X-Request-Id");

        // The portrait and its two thumbnails: their objects' deletions are attempted once the change commits, not owed.
        assertThat(owedDeletions(tenant.organizationId())).isZero();
        assertThat(AccessLogLines.linesContaining(request)).noneMatch(line -> line.contains("\"Level\":\"WARNING\""));
    }

    private static long owedDeletions(UUID organization) throws SQLException {
        return SuiteDatabase.rowsOf("media_deletion", organization);
    }

    @Test
    void deletingTheContentKeepsTheLibraryPortraitItWasMadeFrom() {
        String portrait = MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));
        String id = Api.bearer(tenant.memberToken()).body(Map.of("title", "Coins", "media_id", portrait))
                .post("/projects/" + project + "/ar-content").then().statusCode(202).extract().path("id");

        MediaApi.as(tenant.memberToken()).delete("/ar-content/" + id).then().statusCode(204);

        MediaApi.as(tenant.memberToken()).get("/media/" + portrait).then().statusCode(200);
        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isEqualTo(1);
    }

    @Test
    void uploadingThePortraitOfALibraryImageAgainKeepsTheLibraryImageWhenTheContentGoes() {
        String portrait = MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        assertThat(portraitOf(id)).as("the same bytes, stored once").isEqualTo(portrait);

        MediaApi.as(tenant.memberToken()).delete("/ar-content/" + id).then().statusCode(204);

        MediaApi.as(tenant.memberToken()).get("/media/" + portrait).then().statusCode(200);
        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isEqualTo(1);
    }

    private String portraitOf(String contentId) {
        return MediaApi.as(tenant.memberToken()).get("/ar-content/" + contentId).then().statusCode(200).extract().path("source_media_id");
    }

    @Test
    void aVideoOverlayIsSniffedAndBecomesTheActiveOverlay() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));

        var attached = MediaApi.as(tenant.memberToken()).multiPart("file", "clip.bin", MediaApi.image("clip.mp4"), "application/octet-stream")
                .post("/ar-content/" + id + "/overlays").then().statusCode(201)
                .body("overlay.kind", equalTo("video")).extract();
        assertThat(attached.header("Location")).endsWith("/api/v1/ar-content/" + id + "/overlays/" + attached.path("overlay.media_id"));
        MediaApi.as(tenant.memberToken()).get("/ar-content/" + id + "/overlays").then().statusCode(200)
                .body("items[0].media_type", equalTo("video/mp4"));
    }

    @Test
    void anImageIsRefusedAsAnOverlay() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));

        MediaApi.as(tenant.memberToken()).multiPart("file", "clip.mp4", MediaApi.image("coins.png"), "video/mp4")
                .post("/ar-content/" + id + "/overlays").then().statusCode(422)
                .body("code", equalTo("unsupported_overlay_type"));
    }

    @Test
    void aMarkerPackHoldsEveryReadyPortraitOfTheProjectInOrder() throws Exception {
        String first = MarkerApi.readyOne(tenant.memberToken(), project, "chelsea.png", MarkerApi.COMPILE_TIMEOUT);
        String second = MarkerApi.readyOne(tenant.memberToken(), project, "rocket.jpg", MarkerApi.COMPILE_TIMEOUT);

        var pack = MediaApi.as(tenant.memberToken()).post("/projects/" + project + "/marker-pack").then().statusCode(201)
                .body("items.id", org.hamcrest.Matchers.contains(first, second)).extract();
        assertThat(pack.header("Location")).endsWith((String) pack.path("content_url"));
        byte[] mind = MediaApi.as(tenant.memberToken()).basePath("").get((String) pack.path("content_url")).then()
                .statusCode(200).extract().asByteArray();

        assertThat(new MindReader().read(mind).targets()).hasSize(2);
    }

    @Test
    void deletedContentIsGoneAndItsMarkerFileWithIt() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        String marker = MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"))
                .extract().path("media_id");

        MediaApi.as(tenant.memberToken()).delete("/ar-content/" + id).then().statusCode(204);

        MediaApi.as(tenant.memberToken()).get("/ar-content/" + id).then().statusCode(404);
        MediaApi.as(tenant.memberToken()).get("/media/" + marker).then().statusCode(404);
    }

    @Test
    void aGlbModelBecomesTheActiveOverlayInsteadOfTheVideo() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        MediaApi.as(tenant.memberToken()).multiPart("file", "clip.mp4", MediaApi.image("clip.mp4"), "video/mp4")
                .post("/ar-content/" + id + "/overlays").then().statusCode(201);

        MediaApi.as(tenant.memberToken()).multiPart("file", "horse.glb", MarkerApi.model(), "model/gltf-binary")
                .post("/ar-content/" + id + "/overlays").then().statusCode(201)
                .body("overlay.kind", equalTo("glb"));
        MediaApi.as(tenant.memberToken()).get("/ar-content/" + id + "/overlays").then()
                .body("items.media_type", org.hamcrest.Matchers.containsInAnyOrder("video/mp4", "model/gltf-binary"));
    }

    @Test
    void aProjectKeepsItsArContentUntilThatIsDeletedFirst() {
        String ownProject = MarkerApi.newProject(tenant.memberToken());
        String id = MarkerApi.createOne(tenant.memberToken(), ownProject, "coins.png", MediaApi.image("coins.png"));

        Api.bearer(tenant.memberToken()).delete("/projects/" + ownProject).then().statusCode(409)
                .body("code", equalTo("project_not_empty"));

        Api.bearer(tenant.memberToken()).delete("/ar-content/" + id).then().statusCode(204);
        Api.bearer(tenant.memberToken()).delete("/projects/" + ownProject).then().statusCode(204);
    }

    @Test
    void deletingAContentReleasesTheMarkerPackHoldingItsPortrait() {
        String emptied = MarkerApi.newProject(tenant.memberToken());
        String id = MarkerApi.readyOne(tenant.memberToken(), emptied, "camera.png", MarkerApi.COMPILE_TIMEOUT);
        String pack = MediaApi.as(tenant.memberToken()).post("/projects/" + emptied + "/marker-pack").then().statusCode(201)
                .extract().path("content_url");

        MediaApi.as(tenant.memberToken()).delete("/ar-content/" + id).then().statusCode(204);

        MediaApi.as(tenant.memberToken()).basePath("").get(pack).then().statusCode(404);
        MediaApi.as(tenant.memberToken()).delete("/projects/" + emptied).then().statusCode(204);
    }

    @Test
    void aRebuiltMarkerPackReplacesTheProjectsEarlierOne() {
        // Two targets at least: a pack of one is byte for byte that content's own marker, which stays the content's.
        String first = MarkerApi.readyOne(tenant.memberToken(), project, "chelsea.png", MarkerApi.COMPILE_TIMEOUT);
        String second = MarkerApi.readyOne(tenant.memberToken(), project, "rocket.jpg", MarkerApi.COMPILE_TIMEOUT);
        String earlier = MediaApi.as(tenant.memberToken()).post("/projects/" + project + "/marker-pack").then().statusCode(201)
                .extract().path("content_url");
        String third = MarkerApi.readyOne(tenant.memberToken(), project, "camera.png", MarkerApi.COMPILE_TIMEOUT);

        String rebuilt = MediaApi.as(tenant.memberToken()).post("/projects/" + project + "/marker-pack").then().statusCode(201)
                .body("items.id", contains(first, second, third)).extract().path("content_url");

        MediaApi.as(tenant.memberToken()).basePath("").get(earlier).then().statusCode(404);
        MediaApi.as(tenant.memberToken()).basePath("").get(rebuilt).then().statusCode(200);
    }

    @Test
    void removingTheActiveOverlayRetiresItAndLeavesNoneActive() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        var video = MediaApi.as(tenant.memberToken()).multiPart("file", "clip.mp4", MediaApi.image("clip.mp4"), "video/mp4")
                .post("/ar-content/" + id + "/overlays").then().statusCode(201).extract();

        MediaApi.as(tenant.memberToken()).delete("/ar-content/" + id + "/overlays/" + video.path("overlay.media_id")).then()
                .statusCode(204);

        MediaApi.as(tenant.memberToken()).get("/ar-content/" + id).then().statusCode(200).body("overlay", equalTo(null));
        MediaApi.as(tenant.memberToken()).get("/ar-content/" + id + "/overlays").then().body("items", empty());
        MediaApi.as(tenant.memberToken()).basePath("").get((String) video.path("overlay.content_url")).then().statusCode(404);
    }

    @Test
    void anOverlayOfAnotherContentOrAnUnknownOneIsNotFound() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        String other = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
        String video = MediaApi.as(tenant.memberToken()).multiPart("file", "clip.mp4", MediaApi.image("clip.mp4"), "video/mp4")
                .post("/ar-content/" + other + "/overlays").then().statusCode(201).extract().path("overlay.media_id");

        MediaApi.as(tenant.memberToken()).delete("/ar-content/" + id + "/overlays/" + video).then().statusCode(404);
        MediaApi.as(tenant.memberToken()).delete("/ar-content/" + id + "/overlays/" + UUID.randomUUID()).then()
                .statusCode(404);
        MediaApi.as(tenant.memberToken()).get("/ar-content/" + other).then().body("overlay.media_id", equalTo(video));
    }
}
