package app.arv.web.media;

import app.arv.persistence.media.MediaResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredArchiveTest {

    /** What the store holds under each resource: the bytes it sends, which need not be the stored size. */
    private final Map<MediaResource, byte[]> store = new HashMap<>();

    @TempDir
    Path dir;

    @Test
    void holdsTheTextsAndTheStoredObjectsUnderTheirNamesInTheirOrder() throws IOException {
        MediaResource model = stored("horse.glb", bytes(20_000, 'g'));
        MediaResource preview = stored("horse.png", bytes(300, 'p'));

        byte[] zip = written(StoredArchive.from(this::open).text("manifest.json", "{\"job\":\"ä\"}")
                .stored("01-horse.glb", model).stored("previews/01-horse.png", preview));

        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet()).containsExactly("manifest.json", "01-horse.glb", "previews/01-horse.png");
        assertThat(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)).isEqualTo("{\"job\":\"ä\"}");
        assertThat(entries.get("01-horse.glb")).isEqualTo(bytes(20_000, 'g'));
        assertThat(entries.get("previews/01-horse.png")).isEqualTo(bytes(300, 'p'));
    }

    @Test
    void aStoredObjectTheStoreSendsShortEndsTheZipWithoutItsCentralDirectory() throws IOException {
        MediaResource model = stored("horse.glb", bytes(20_000, 'g'));
        store.put(model, bytes(10_000, 'g'));

        Path received = cutOff(StoredArchive.from(this::open).text("manifest.json", "{}").stored("01-horse.glb", model),
                "short");

        assertThatThrownBy(() -> new ZipFile(received.toFile()).close()).isInstanceOf(ZipException.class);
    }

    @Test
    void aStoredObjectTheStoreSendsLongEndsTheZipWithoutItsCentralDirectory() throws IOException {
        MediaResource model = stored("horse.glb", bytes(1000, 'g'));
        store.put(model, bytes(5000, 'g'));

        Path received = cutOff(StoredArchive.from(this::open).stored("01-horse.glb", model), "more than");

        assertThatThrownBy(() -> new ZipFile(received.toFile()).close()).isInstanceOf(ZipException.class);
    }

    @Test
    void aStoreThatCannotOpenTheSecondObjectEndsTheZipWithoutItsCentralDirectory() throws IOException {
        MediaResource first = stored("horse.glb", bytes(1000, 'g'));
        MediaResource gone = new MediaResource(UUID.randomUUID(), UUID.randomUUID(), "0".repeat(64), 1000, "model/gltf-binary",
                "gone.glb", null, null, null, "models/gone.glb");
        StoredArchive archive = StoredArchive.from(this::open).stored("01-horse.glb", first).stored("02-gone.glb", gone);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> archive.write(out)).isInstanceOf(IllegalStateException.class);

        Path received = Files.write(dir.resolve("received.zip"), out.toByteArray());
        assertThatThrownBy(() -> new ZipFile(received.toFile()).close()).isInstanceOf(ZipException.class);
    }

    private InputStream open(MediaResource resource) {
        byte[] bytes = store.get(resource);
        if (bytes == null) {
            throw new IllegalStateException("The storage could not be read");
        }
        return new ByteArrayInputStream(bytes);
    }

    private MediaResource stored(String name, byte[] bytes) {
        MediaResource resource = new MediaResource(UUID.randomUUID(), UUID.randomUUID(), "0".repeat(64), bytes.length,
                "application/octet-stream", name, null, null, null, "objects/" + name);
        store.put(resource, bytes);
        return resource;
    }

    /** The archive written until it failed with a message containing {@code failure}, as the client received it. */
    private Path cutOff(StoredArchive archive, String failure) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> archive.write(out)).isInstanceOf(IOException.class).hasMessageContaining(failure);
        return Files.write(dir.resolve("received.zip"), out.toByteArray());
    }

    private static byte[] written(StoredArchive archive) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.write(out);
        return out.toByteArray();
    }

    /** The entries of a whole archive, read through its central directory. */
    private Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Path file = Files.write(dir.resolve("whole.zip"), zip);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile archive = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(archive.entries())) {
                try (InputStream in = archive.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static byte[] bytes(int length, char fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
