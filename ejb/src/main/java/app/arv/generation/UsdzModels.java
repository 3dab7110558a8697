package app.arv.generation;

import app.arv.imaging.usdz.RefusedModelException;
import app.arv.imaging.usdz.UsdzWriter;
import app.arv.media.ImageDecoding;
import app.arv.media.MediaStore;
import app.arv.media.Spool;
import app.arv.persistence.media.MediaResource;
import app.arv.shared.DomainException;
import app.arv.shared.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A generated model as USDZ for iOS's AR Quick Look ({@link UsdzWriter}), converted on request from its stored GLB:
 * the GLB is copied to a file of the node's {@link Spool} ({@code arv.data.dir/spool}, where uploads go: not
 * {@code java.io.tmpdir}, often a small tmpfs) and mapped (a provider's can be hundreds of megabytes), its textures decoded
 * within the node's decode bound for requests ({@link ImageDecoding#forRequests()}: 503 {@code busy} when no slot
 * frees in time). At most {@code arv.usdz.max-concurrent-conversions} conversions run at once on a node (each holds
 * its scene, some 30 bytes a vertex); another waits {@code arv.image.decode-wait} for one to end, then answers 503
 * {@code busy} with Retry-After. The writer's USDA text and the USDZ are spool files too; the GLB's copy and the text are
 * deleted whatever happens, the USDZ unless it is returned, when the caller streams and deletes it. Not stored: the GLB
 * is the model, and the conversion is deterministic.
 */
@ApplicationScoped
public class UsdzModels {

    public static final String MEDIA_TYPE = UsdzWriter.MEDIA_TYPE;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final int BUFFER = 1 << 16;

    @Inject
    ImageDecoding decoding;

    @Inject
    MediaStore files;

    @Inject
    Spool spool;

    @Inject
    @ConfigProperty(name = "arv.usdz.max-concurrent-conversions", defaultValue = "2")
    int maxConcurrentConversions;

    /** How long a request waits for a conversion slot: as long as for a decode slot ({@code arv.image.decode-wait}). */
    Duration wait;

    private Semaphore conversions;

    public UsdzModels() {
    }

    UsdzModels(int maxConcurrentConversions, Duration wait, ImageDecoding decoding, Spool spool) {
        this.maxConcurrentConversions = maxConcurrentConversions;
        this.wait = wait;
        this.decoding = decoding;
        this.spool = spool;
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
            return convert(files.open(glb));
        } finally {
            slot.close();
        }
    }

    /** The GLB read from {@code glb} (closed here) as a USDZ in a spool file, which the caller deletes. */
    Path convert(InputStream glb) {
        Path spooled = null;
        Path usdz = null;
        boolean done = false;
        try {
            spooled = spool.newFile(".glb");
            try (InputStream in = glb) {
                Files.copy(in, spooled);
            }
            ByteBuffer mapped;
            try (FileChannel file = FileChannel.open(spooled, StandardOpenOption.READ)) {
                mapped = file.map(FileChannel.MapMode.READ_ONLY, 0, file.size());
            }
            usdz = spool.newFile(".usdz");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(usdz), BUFFER)) {
                new UsdzWriter(decoding.forRequests(), spool.directory()).convert(mapped, out);
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
