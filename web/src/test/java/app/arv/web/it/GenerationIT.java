package app.arv.web.it;

import app.arv.imaging.usdz.UsdzFile;
import app.arv.imaging.usdz.UsdzWriter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Image -> 3D over HTTP: images go in as a job, the queue workers make GLBs with the built-in generator, models come out. */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.LONG)
class GenerationIT {

    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(180);
    private static final String[] FIVE_OBJECTS = {"horse.png", "coffee.png", "camera.png", "coins.png", "rocket.jpg"};

    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    @Test
    void aBatchIsAcceptedWithAQueuedItemPerImageAndALocation() {
        GenerationApi.submit(tenant.memberToken(), GenerationApi.images(FIVE_OBJECTS))
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/generations/[0-9a-f-]{36}"))
                .body("provider", equalTo("local"))
                .body("priority", equalTo("normal"))
                .body("face_limit", equalTo(2000))
                .body("item_count", equalTo(5))
                .body("items", hasSize(5))
                .body("items.status", everyItem(equalTo("queued")))
                .body("items.source_name", equalTo(List.of(FIVE_OBJECTS)))
                .body("items.position", equalTo(List.of(0, 1, 2, 3, 4)));
    }

    @Test
    void theLocalProviderFinishesABatchOfFiveAndTheArchiveHoldsAValidGlbForEach() {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images(FIVE_OBJECTS));

        GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("completed"))
                .body("counts.completed", equalTo(5))
                .body("progress", equalTo(100))
                .body("items.model_url", everyItem(notNullValue()));
        byte[] zip = MediaApi.as(tenant.memberToken()).get("/generations/" + job + "/archive").then()
                .statusCode(200).contentType("application/zip").extract().asByteArray();

        Map<String, byte[]> models = GenerationApi.models(zip);
        assertThat(models.keySet()).containsExactly("01-horse.glb", "02-coffee.glb", "03-camera.glb", "04-coins.glb", "05-rocket.glb");
        Map<String, byte[]> previews = GenerationApi.unzip(zip);
        previews.keySet().removeIf(name -> !name.startsWith("previews/"));
        assertThat(previews.keySet()).containsExactly("previews/01-horse.png", "previews/02-coffee.png", "previews/03-camera.png",
                "previews/04-coins.png", "previews/05-rocket.png");
        assertThat(previews.values()).allSatisfy(png -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));
        models.values().forEach(glb -> {
            GenerationApi.GlbHeader header = GenerationApi.GlbHeader.of(glb);
            assertThat(header.magic()).isEqualTo("glTF");
            assertThat(header.version()).isEqualTo(2);
            assertThat(header.length()).isEqualTo(glb.length);
        });
    }

    @Test
    void anImageWithoutAnObjectFailsWithTheGeneratorsReasonWhileTheOthersComplete() {
        Map<String, byte[]> images = GenerationApi.images("horse.png", "coffee.png");
        images.put("grey.png", MarkerApi.flatImage());
        String job = GenerationApi.submitOne(tenant.memberToken(), images);

        GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("completed"))
                .body("counts.completed", equalTo(2))
                .body("counts.failed", equalTo(1))
                .body("items[2].status", equalTo("failed"))
                .body("items[2].error", containsString("uniform"))
                .body("items[2].model_url", nullValue())
                .body("items[0].status", equalTo("completed"));
    }

    @Test
    void theArchiveOfAJobWithAFailedItemListsEveryItemInItsManifest() {
        Map<String, byte[]> images = GenerationApi.images("horse.png");
        images.put("grey.png", MarkerApi.flatImage());
        String job = GenerationApi.submitOne(tenant.memberToken(), images);
        GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT).body("counts.failed", equalTo(1));

        Map<String, byte[]> archive = GenerationApi.unzip(MediaApi.as(tenant.memberToken()).get("/generations/" + job + "/archive")
                .then().statusCode(200).extract().asByteArray());

        assertThat(archive.keySet()).containsExactly("manifest.json", "01-horse.glb", "previews/01-horse.png");
        JsonPath manifest = JsonPath.from(new String(archive.get("manifest.json"), StandardCharsets.UTF_8));
        assertThat(manifest.getString("job")).isEqualTo(job);
        assertThat(manifest.getList("items.position", Integer.class)).containsExactly(0, 1);
        assertThat(manifest.getString("items[0].model")).isEqualTo("01-horse.glb");
        assertThat(manifest.getString("items[0].preview")).isEqualTo("previews/01-horse.png");
        assertThat(manifest.getString("items[1].source")).isEqualTo("grey.png");
        assertThat(manifest.getString("items[1].status")).isEqualTo("failed");
        assertThat(manifest.getString("items[1].error")).contains("uniform");
        assertThat(manifest.getString("items[1].model")).isNull();
    }

    @Test
    void anArchiveWhoseModelTheStorageSendsShortIsBrokenRatherThanAValidZipOfACutOffModel(@TempDir Path dir) throws Exception {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT).body("status", equalTo("completed"));
        Path model;
        try (Stream<Path> stored = Files.walk(MediaApi.localStore(tenant.organizationId()))) {
            model = stored.filter(Files::isRegularFile).filter(GenerationIT::isGlb).findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(whole, whole.length / 2));

        // The answer is under way (200, chunked) when the short object is found: the ZIP ends there, without its
        // central directory, so no unpacker takes it for a whole archive.
        Path received = Files.write(dir.resolve("received.zip"), MediaApi.as(tenant.memberToken())
                .get("/generations/" + job + "/archive").then().statusCode(200).extract().asByteArray());

        assertThatThrownBy(() -> new ZipFile(received.toFile()).close()).isInstanceOf(ZipException.class);
    }

    private static boolean isGlb(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), "glTF".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anItemsModelAndPreviewDownloadAsGlbAndPng() {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        String item = GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("completed")).extract().path("items[0].id");

        byte[] glb = MediaApi.as(tenant.memberToken()).get("/generations/" + job + "/items/" + item + "/model").then()
                .statusCode(200).contentType("model/gltf-binary").extract().asByteArray();
        byte[] png = MediaApi.as(tenant.memberToken()).get("/generations/" + job + "/items/" + item + "/preview").then()
                .statusCode(200).contentType("image/png").extract().asByteArray();

        assertThat(GenerationApi.GlbHeader.of(glb).magic()).isEqualTo("glTF");
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void aJobsDownloadsAreSavedUnderTheirNamesAsFilenameStarBesideAnAsciiFallback() {
        byte[] body = MediaApi.handMade(List.of(Map.entry("form-data; name=\"face_limit\"", GenerationApi.FACE_LIMIT.getBytes(
                StandardCharsets.US_ASCII)), Map.entry("form-data; name=\"files\"; filename*=UTF-8''M%C3%BCller.png",
                        MediaApi.image("horse.png"))));
        String job = MediaApi.as(tenant.memberToken()).contentType(MediaApi.HAND_MADE).body(body).post("/generations").then()
                .statusCode(202).extract().path("id");
        String item = GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("completed")).extract().path("items[0].id");

        MediaApi.as(tenant.memberToken()).get("/generations/" + job + "/items/" + item + "/model").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"M_ller.glb\"; filename*=UTF-8''M%C3%BCller.glb"));
        MediaApi.as(tenant.memberToken()).get("/generations/" + job + "/items/" + item + "/model.usdz").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"M_ller.usdz\"; filename*=UTF-8''M%C3%BCller.usdz"));
        MediaApi.as(tenant.memberToken()).get("/generations/" + job + "/archive").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"generation-" + job + ".zip\"; filename*=UTF-8''generation-"
                        + job + ".zip"));
    }

    @Test
    void anItemsModelDownloadsAsUsdzForArQuickLookToItsOwnOrganizationOnly() {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("coins.png"));
        JsonPath finished = GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("completed")).extract().jsonPath();
        String item = finished.getString("items[0].id");
        String path = "/generations/" + job + "/items/" + item + "/model.usdz";
        assertThat(finished.getString("items[0].usdz_url")).endsWith(path);

        Response response = MediaApi.as(tenant.memberToken()).get(path);
        response.then().statusCode(200).contentType("model/vnd.usdz+zip")
                .header("Content-Disposition", containsString(".usdz"))
                .header("ETag", containsString("-usdz" + UsdzWriter.VERSION + "\"")); // a changed converter is not a 304
        UsdzFile usdz = UsdzFile.read(response.asByteArray());

        assertThat(usdz.entries.get(0).name()).endsWith(".usda");
        assertThat(usdz.entries).allSatisfy(entry -> {
            assertThat(entry.method()).isZero();
            assertThat(entry.dataOffset() % 64).isZero();
        });
        assertThat(usdz.entries).extracting(UsdzFile.Entry::name).contains("textures/texture0.jpg"); // the GLB's JPEG as it is
        assertThat(usdz.meshes()).isNotEmpty().allSatisfy(mesh -> assertThat(mesh.faceVertexCounts()).isNotEmpty());
        MediaApi.as(tenant.memberToken()).header("If-None-Match", response.header("ETag")).get(path).then().statusCode(304);
        MediaApi.as(Api.newTenant().memberToken()).get(path).then().statusCode(404);
    }

    @Test
    void imagesOfTheMediaLibraryAreGeneratedByTheirIds() {
        String media = MediaApi.uploadOne(tenant.memberToken(), "coffee.png", MediaApi.image("coffee.png"));

        String job = Api.bearer(tenant.memberToken())
                .body(Map.of("media_ids", List.of(media), "face_limit", 1000, "texture", "none", "priority", "high"))
                .post("/generations").then().statusCode(202)
                .body("items[0].source_media_id", equalTo(media))
                .body("priority", equalTo("high"))
                .extract().path("id");

        GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT).body("status", equalTo("completed"));
    }

    @Test
    void anImageUploadedForAJobIsNotInTheLibraryAndGoesWithTheJob() {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        String source = GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("completed")).extract().path("items[0].source_media_id");
        assertThat(MediaApi.libraryTotal(tenant.memberToken())).as("images in the library").isZero();

        Api.bearer(tenant.adminToken()).body(Map.of("older_than_hours", 0)).post("/admin/cleanup").then().statusCode(200)
                .body("jobs_deleted", equalTo(1));

        MediaApi.as(tenant.memberToken()).get("/media/" + source).then().statusCode(404);
    }

    @Test
    void aLibraryImageAJobWasMadeFromStaysWhenTheJobGoes() {
        String media = MediaApi.uploadOne(tenant.memberToken(), "coffee.png", MediaApi.image("coffee.png"));
        String job = Api.bearer(tenant.memberToken()).body(Map.of("media_ids", List.of(media), "texture", "none"))
                .post("/generations").then().statusCode(202).extract().path("id");
        GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT).body("status", equalTo("completed"));

        Api.bearer(tenant.adminToken()).body(Map.of("older_than_hours", 0)).post("/admin/cleanup").then().statusCode(200)
                .body("jobs_deleted", equalTo(1));

        MediaApi.as(tenant.memberToken()).get("/media/" + media).then().statusCode(200);
        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isEqualTo(1);
    }

    @Test
    void anUnknownTextureIsRefusedAndNothingIsQueued() {
        GenerationApi.uploading(tenant.memberToken(), GenerationApi.images("horse.png")).multiPart("texture", "ultra")
                .post("/generations").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", org.hamcrest.Matchers.hasItem(containsString("texture")));

        Api.bearer(tenant.memberToken()).get("/generations").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aFaceLimitOutsideTheRangeIsRefused() {
        String media = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));

        Api.bearer(tenant.memberToken()).body(Map.of("media_ids", List.of(media), "face_limit", 100))
                .post("/generations").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("face_limit"));
    }

    @Test
    void aMultipartFaceLimitThatIsNotAWholeNumberIsRefusedNamingItAndNothingIsQueued() {
        MediaApi.as(tenant.memberToken()).multiPart("face_limit", "1.5")
                .multiPart("files", "horse.png", MediaApi.image("horse.png"), "application/octet-stream")
                .post("/generations").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("face_limit"));

        Api.bearer(tenant.memberToken()).get("/generations").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anUnknownProviderIsRefused() {
        GenerationApi.uploading(tenant.memberToken(), GenerationApi.images("horse.png")).multiPart("provider", "nonexistent")
                .post("/generations").then().statusCode(422)
                .body("code", equalTo("unknown_provider"));
    }

    @Test
    void anotherOrganizationsJobAnswers404() {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        Api.Tenant other = Api.newTenant();

        Api.bearer(other.memberToken()).get("/generations/" + job).then().statusCode(404).body("code", equalTo("not_found"));
        MediaApi.as(other.memberToken()).get("/generations/" + job + "/archive").then().statusCode(404);
    }

    @Test
    void theListingShowsMyJobsFilteredByStatus() {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT).body("status", equalTo("completed"));

        Api.bearer(tenant.memberToken()).queryParam("status", "completed").get("/generations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(job));
        Api.bearer(tenant.memberToken()).queryParam("status", "queued").get("/generations").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anItemWhoseEveryAttemptBreaksLandsOnTheDeadLetterQueueAndFailsWithTheLastReason() {
        String job = GenerationApi.submittedWithItsSourceGone(tenant);

        GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("failed"))
                .body("items[0].status", equalTo("failed"))
                .body("items[0].attempts", equalTo(5))
                .body("items[0].error", containsString("Gave up after 5 attempts; last error:"));
    }

    @Test
    void aCancelledJobAnswersItsFinishTimeAsItIsReadBack() {
        String job = GenerationApi.uploading(tenant.memberToken(), GenerationApi.images("horse.png")).multiPart("priority", "low")
                .post("/generations").then().statusCode(202).extract().path("id");

        String answered = Api.bearer(tenant.memberToken()).post("/generations/" + job + "/cancel").then().statusCode(200)
                .extract().path("finished_at");

        assertThat(answered).isNotNull();
        Api.bearer(tenant.memberToken()).get("/generations/" + job).then().statusCode(200).body("finished_at", equalTo(answered));
    }

    @Test
    void cancellingAJobCancelsEveryItemNotYetFinishedAndKeepsTheFinishedOnes() {
        String job = GenerationApi.uploading(tenant.memberToken(),
                GenerationApi.images("horse.png", "coffee.png", "camera.png", "coins.png", "rocket.jpg", "chelsea.png",
                        "astronaut.png"))
                .multiPart("priority", "low").post("/generations").then().statusCode(202).extract().path("id");

        Api.bearer(tenant.memberToken()).post("/generations/" + job + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));

        var finished = GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT).body("status", equalTo("cancelled"));
        int cancelled = finished.extract().path("counts.cancelled");
        int completed = finished.extract().path("counts.completed");
        assertThat(cancelled).isPositive();
        // No item is written back to processing by a worker that had read it before the cancel (optimistic locking).
        assertThat((Integer) finished.extract().path("counts.processing")).isZero();
        assertThat(cancelled + completed).isEqualTo(7);
        Api.bearer(tenant.memberToken()).post("/generations/" + job + "/cancel").then().statusCode(409)
                .body("code", equalTo("job_finished"));
    }

    @Test
    void aFailedItemRetriedIsQueuedAgainAndRunsAnotherAttempt() {
        Map<String, byte[]> images = new LinkedHashMap<>();
        images.put("grey.png", MarkerApi.flatImage());
        String job = GenerationApi.submitOne(tenant.memberToken(), images);
        String item = GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("failed")).extract().path("items[0].id");

        Api.bearer(tenant.memberToken()).post("/generations/" + job + "/items/" + item + "/retry").then().statusCode(202)
                .body("status", equalTo("processing"))
                .body("items[0].status", equalTo("queued"))
                .body("items[0].error", nullValue());

        GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("failed"))
                .body("items[0].attempts", equalTo(2))
                .body("items[0].error", containsString("uniform"));
    }

    @Test
    void onlyAFailedItemCanBeRetried() {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        String item = GenerationApi.awaitFinished(tenant.memberToken(), job, BATCH_TIMEOUT)
                .body("status", equalTo("completed")).extract().path("items[0].id");

        Api.bearer(tenant.memberToken()).post("/generations/" + job + "/items/" + item + "/retry").then().statusCode(409)
                .body("code", equalTo("item_not_failed"));
    }

    @Test
    void aBatchOfTheMaximumTwentyFiveImagesCompletesWithProgressForEachItemAndAValidGlbForEach(@TempDir Path dir) throws Exception {
        BrowserE2e e2e = BrowserE2e.require();
        String[] names = {"horse.png", "coffee.png", "camera.png", "coins.png", "rocket.jpg"};
        var request = MediaApi.as(tenant.memberToken()).multiPart("face_limit", GenerationApi.FACE_LIMIT).multiPart("priority", "high");
        for (int i = 0; i < 25; i++) {
            // Repeated photos are stored once by the media layer, yet each is an item of its own.
            request.multiPart("files", "photo-" + (i + 1) + "-" + names[i % names.length], MediaApi.image(names[i % names.length]),
                    "application/octet-stream");
        }
        String job = request.post("/generations").then().statusCode(202).body("item_count", equalTo(25)).extract().path("id");
        SseEvents.Stream events = SseEvents.read(tenant.memberToken(), "/generations/" + job + "/events", null, Duration.ofSeconds(300));

        GenerationApi.awaitFinished(tenant.memberToken(), job, Duration.ofSeconds(300))
                .body("status", equalTo("completed"))
                .body("counts.completed", equalTo(25));
        assertThat(events.names()).endsWith("completed");
        assertThat(itemsIn(events, "progress")).hasSize(25);
        assertThat(itemsIn(events, "item_completed")).hasSize(25);
        Map<String, byte[]> models = GenerationApi.models(MediaApi.as(tenant.memberToken()).get("/generations/" + job + "/archive")
                .then().statusCode(200).extract().asByteArray());
        assertThat(models).hasSize(25);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> model : models.entrySet()) {
            files.add(Files.write(dir.resolve(model.getKey()), model.getValue()));
        }
        List<Map<String, Object>> reports = JsonPath.from(e2e.validateGltf(files)).getList("files");
        assertThat(reports).hasSize(25).allSatisfy(report -> assertThat(report.get("errors")).as("%s", report).isEqualTo(0));
    }

    private static Set<String> itemsIn(SseEvents.Stream stream, String event) {
        return stream.events().stream().filter(e -> event.equals(e.name()))
                .map(e -> JsonPath.from(e.data()).getString("item"))
                .collect(Collectors.toSet());
    }
}
