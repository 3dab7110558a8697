package app.arv.generation;

import app.arv.imaging.usdz.RefusedModelException;
import app.arv.imaging.usdz.UsdzWriter;
import app.arv.media.ImageDecoding;
import app.arv.media.MediaStore;
import app.arv.persistence.media.MediaResource;
import app.arv.shared.DomainException;
import app.arv.shared.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A generated model as USDZ for iOS's AR Quick Look ({@link UsdzWriter}), converted on request from its stored GLB:
 * the GLB is spooled to a temporary file and mapped (a provider's can be hundreds of megabytes), its textures decoded
 * within the node's decode bound for requests ({@link ImageDecoding#forRequests()}: 503 {@code busy} when no slot
 * frees in time). At most {@code arv.usdz.max-concurrent-conversions} conversions run at once on a node (each holds
 * its scene, some 30 bytes a vertex); another waits {@code arv.image.decode-wait} for one to end, then answers 503
 * {@code busy} with Retry-After. The USDZ is written to a temporary file, which the caller streams and deletes. Not
 * stored: the GLB is the model, and the conversion is deterministic.
 */
@ApplicationScoped
public class UsdzModels {

    public static final String MEDIA_TYPE = UsdzWriter.MEDIA_TYPE;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @Inject
    ImageDecoding decoding;

    @Inject
    MediaStore files;

    @Inject
    @ConfigProperty(name = "arv.usdz.max-concurrent-conversions", defaultValue = "2")
    int maxConcurrentConversions;

    /** How long a request waits for a conversion slot: as long as for a decode slot ({@code arv.image.decode-wait}). */
    Duration wait;

    private Semaphore conversions;

    public UsdzModels() {
    }

    UsdzModels(int maxConcurrentConversions, Duration wait) {
        this.maxConcurrentConversions = maxConcurrentConversions;
        this.wait = wait;
        init();
    }

    @PostConstruct
    void init() {
        Setting.atLeastOne("ARV_USDZ_MAX_CONCURRENT_CONVERSIONS", maxConcurrentConversions);
        if (wait == null) {
            wait = decoding.requestWait();
        }
        conversions = new Semaphore(maxConcurrentConversions, true);
    }

    /** A conversion's place among the node's, released on close. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** @throws DomainException 503 {@code busy} when no conversion ends within the wait */
    Slot admit() {
        try {
            if (!conversions.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw DomainException.busy("Too many models are being converted to USDZ right now; try again shortly", RETRY_AFTER);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.busy("Interrupted while waiting to convert the model", RETRY_AFTER);
        }
        return conversions::release;
    }

    /** The version of the writer's output, for the USDZ's ETag. */
    public static String tag(String glbSha256) {
        return glbSha256 + "-usdz" + UsdzWriter.VERSION;
    }

    /**
     * The USDZ in a temporary file, which the caller deletes once it has sent it.
     *
     * @throws DomainException 422 {@code model_not_convertible} when the GLB holds nothing USDZ can carry (compressed
     *                         meshes, no triangles, too many), 503 when the store or the memory is short, or
     *                         {@code busy} when the node's conversions are all taken
     */
    public Path of(MediaResource glb) {
        Slot slot = admit();
        try {
            return convert(glb);
        } finally {
            slot.close();
        }
    }

    private Path convert(MediaResource glb) {
        Path spooled = null;
        Path usdz = null;
        boolean done = false;
        try {
            spooled = Files.createTempFile("arv-usdz-", ".glb");
            try (InputStream in = files.open(glb)) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            ByteBuffer mapped;
            try (FileChannel file = FileChannel.open(spooled, StandardOpenOption.READ)) {
                mapped = file.map(FileChannel.MapMode.READ_ONLY, 0, file.size());
            }
            usdz = Files.createTempFile("arv-usdz-", ".usdz");
            try (OutputStream out = Files.newOutputStream(usdz)) {
                new UsdzWriter(decoding.forRequests()).convert(mapped, out);
            }
            done = true;
            return usdz;
        } catch (RefusedModelException e) {
            throw DomainException.invalid("model_not_convertible", e.reason());
        } catch (IOException e) {
            throw DomainException.storageUnavailable("The model could not be read for conversion: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw ImageDecoding.outOfMemory();
        } finally {
            delete(spooled);
            if (!done) {
                delete(usdz);
            }
        }
    }

    /** Deletes a temporary file of this class's (null: none). */
    public static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
