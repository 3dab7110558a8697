package app.arv.web.it;

import io.restassured.response.ValidatableResponse;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** AR content calls the way a client makes them, and waiting for the background compilation. */
final class MarkerApi {

    /** Longer than any compilation takes on a loaded build machine. */
    static final Duration COMPILE_TIMEOUT = Duration.ofSeconds(120);

    private MarkerApi() {
    }

    static String newProject(String token) {
        return Api.bearer(token).body(Map.of("name", "AR " + System.nanoTime())).post("/projects")
                .then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse create(String token, String projectId, String fileName, byte[] image, String title) {
        return MediaApi.as(token).multiPart("image", fileName, image, "application/octet-stream")
                .multiPart("title", title).post("/projects/" + projectId + "/ar-content").then();
    }

    static String createOne(String token, String projectId, String fileName, byte[] image) {
        return create(token, projectId, fileName, image, "Portrait " + fileName).statusCode(202).extract().path("id");
    }

    /** AR content of the test image {@code fileName} whose marker is compiled and ready (within {@code timeout}). */
    static String readyOne(String token, String projectId, String fileName, Duration timeout) {
        String id = createOne(token, projectId, fileName, MediaApi.image(fileName));
        awaitMarker(token, id, timeout).body("status", equalTo("ready"));
        return id;
    }

    /** Polls the marker until it leaves pending/compiling; answers the final marker document. */
    static ValidatableResponse awaitMarker(String token, String contentId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ValidatableResponse marker = MediaApi.as(token).get("/ar-content/" + contentId + "/marker").then().statusCode(200);
            String status = marker.extract().path("status");
            if ("ready".equals(status) || "failed".equals(status)) {
                return marker;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Marker of " + contentId + " still " + status + " after " + timeout);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A real GLB model: ARV's own image-to-3D generator run on the horse picture (small face budget: quick). */
    static byte[] model() {
        try {
            return new app.arv.imaging.model3d.LocalModelGenerator().generate(MediaApi.image("horse.png"),
                    new app.arv.imaging.model3d.GenerationOptions(2000, app.arv.imaging.model3d.GenerationOptions.defaults().texture()))
                    .glb();
        } catch (app.arv.imaging.RefusedImageException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid PNG of one colour: an image without a single feature to track. */
    static byte[] flatImage() {
        BufferedImage image = new BufferedImage(480, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 480, 480);
        g.dispose();
        return MediaApi.png(image);
    }
}
