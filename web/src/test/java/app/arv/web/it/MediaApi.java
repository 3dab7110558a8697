package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Media and storage calls the way a client makes them, plus a look at ARV's data directory to prove what is stored. */
final class MediaApi {

    private MediaApi() {
    }

    /** Without a JSON content type: multipart and binary requests set their own. */
    static RequestSpecification as(String token) {
        return RestAssured.given().baseUri(ArvServer.baseUrl()).basePath("/api/v1").header("Authorization", "Bearer " + token)
                .redirects().follow(false);
    }

    static ValidatableResponse upload(String token, String fileName, byte[] bytes) {
        return as(token).multiPart("files", fileName, bytes, "application/octet-stream").post("/media").then();
    }

    static String uploadOne(String token, String fileName, byte[] bytes) {
        return upload(token, fileName, bytes).statusCode(201).extract().path("items[0].id");
    }

    static byte[] image(String name) {
        try (InputStream in = MediaApi.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Missing test image " + name, e);
        }
    }

    /**
     * PNG photos of a coloured disc on a plain background, {@code object-1.png} on, different bytes every call: a FAL
     * sees each as a new image, and what a test sets up for one (FakeFal's behaviours, holds) touches no other test's.
     */
    static Map<String, byte[]> uniqueImages(int count) {
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
            images.put("object-" + (i + 1) + ".png", png(image));
        }
        return images;
    }

    /** The picture as PNG bytes, for images a test draws itself. */
    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The organization's part of the platform's local store, as files on disk. */
    static Path localStore(UUID organizationId) {
        return ArvServer.stack().dataDir().resolve("files").resolve("storage").resolve("orgs").resolve(organizationId.toString());
    }

    static long filesOnDisk(UUID organizationId) {
        Path dir = localStore(organizationId);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every file of the organization's part of the local store behind ARV's back: reading any of them breaks. */
    static void deleteFilesOnDisk(UUID organizationId) {
        try (Stream<Path> files = Files.walk(localStore(organizationId))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects the organization has in the store it writes to now, as ARV reports them. */
    static long storedObjects(String adminToken) {
        return ((Number) as(adminToken).get("/admin/storage/usage").then().statusCode(200).extract().path("objects")).longValue();
    }

    static long libraryTotal(String token) {
        return ((Number) as(token).get("/media").then().statusCode(200).extract().path("total")).longValue();
    }

    /** The content type of a {@link #handMade} body. */
    static final String HAND_MADE = "multipart/form-data; boundary=arv-hand-made";

    /**
     * A multipart body written byte by byte, for what no client library sends (a name given only as
     * {@code filename*}, a field that is not UTF-8): each part is its {@code Content-Disposition} and its bytes.
     * Send it with the content type {@link #HAND_MADE}.
     */
    static byte[] handMade(List<Map.Entry<String, byte[]>> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> part : parts) {
            body.writeBytes(("--arv-hand-made\r\nContent-Disposition: " + part.getKey() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(part.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        body.writeBytes("--arv-hand-made--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return body.toByteArray();
    }
}
