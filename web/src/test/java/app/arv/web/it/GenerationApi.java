package app.arv.web.it;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.hamcrest.Matchers.equalTo;

/** Generation calls the way a client makes them, and a reader of the GLB header to check what comes back. */
final class GenerationApi {

    /** Small models: the suite's time goes to the queue and the storage, not to simplifying meshes. */
    static final String FACE_LIMIT = "2000";

    private GenerationApi() {
    }

    /** A multipart request with these images (name -> bytes) in 'files' and small models. */
    static RequestSpecification uploading(String token, Map<String, byte[]> images) {
        return withFiles(MediaApi.as(token).multiPart("face_limit", FACE_LIMIT), images);
    }

    /** A job of these images for the fal provider (the suite's fake FAL), with large models and HD textures; its id. */
    static String submittedToFal(String token, Map<String, byte[]> images) {
        return withFiles(MediaApi.as(token).multiPart("provider", "fal").multiPart("face_limit", "20000").multiPart("texture", "hd"),
                images).post("/generations").then().statusCode(202).extract().path("id");
    }

    /** The images (name -> bytes) as the request's 'files' parts. */
    private static RequestSpecification withFiles(RequestSpecification request, Map<String, byte[]> images) {
        images.forEach((name, bytes) -> request.multiPart("files", name, bytes, "application/octet-stream"));
        return request;
    }

    static ValidatableResponse submit(String token, Map<String, byte[]> images) {
        return uploading(token, images).post("/generations").then();
    }

    static String submitOne(String token, Map<String, byte[]> images) {
        return submit(token, images).statusCode(202).extract().path("id");
    }

    /**
     * A job of one library image whose stored object then disappeared behind ARV's back: every attempt to read the source
     * breaks, so the broker retries it with back-off until it gives up.
     */
    static String submittedWithItsSourceGone(Api.Tenant tenant) {
        String media = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));
        MediaApi.deleteFilesOnDisk(tenant.organizationId());
        return Api.bearer(tenant.memberToken()).body(Map.of("media_ids", List.of(media), "face_limit", 1000))
                .post("/generations").then().statusCode(202).extract().path("id");
    }

    static Map<String, byte[]> images(String... names) {
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (String name : names) {
            images.put(name, MediaApi.image(name));
        }
        return images;
    }

    /** A job of the test images {@code names} that has completed (within {@code timeout}). */
    static String completedOne(String token, Duration timeout, String... names) {
        String job = submitOne(token, images(names));
        awaitFinished(token, job, timeout).body("status", equalTo("completed"));
        return job;
    }

    /** Polls the job until it is final, then answers its last state. */
    static ValidatableResponse awaitFinished(String token, String job, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ValidatableResponse response = MediaApi.as(token).get("/generations/" + job).then().statusCode(200);
            String status = response.extract().path("status");
            if (List.of("completed", "failed", "cancelled").contains(status) || Instant.now().isAfter(deadline)) {
                // A failed expectation shows the job, items' errors included.
                return response.log().ifValidationFails();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The models of a generation archive: its {@code .glb} entries (the previews are under {@code previews/}). */
    static Map<String, byte[]> models(byte[] zip) {
        Map<String, byte[]> models = new LinkedHashMap<>(unzip(zip));
        models.keySet().removeIf(name -> !name.endsWith(".glb"));
        return models;
    }

    /** The entries of a ZIP, name -> bytes, in their order. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The 12-byte GLB header: magic "glTF", version, total length (little-endian). */
    record GlbHeader(String magic, int version, int length) {

        static GlbHeader of(byte[] glb) {
            ByteBuffer header = ByteBuffer.wrap(glb, 0, Math.min(12, glb.length)).order(ByteOrder.LITTLE_ENDIAN);
            if (glb.length < 12) {
                return new GlbHeader("", 0, 0);
            }
            byte[] magic = new byte[4];
            header.get(magic);
            return new GlbHeader(new String(magic, java.nio.charset.StandardCharsets.US_ASCII), header.getInt(), header.getInt());
        }
    }
}
