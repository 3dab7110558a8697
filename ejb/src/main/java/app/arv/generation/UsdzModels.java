package app.arv.generation;

import app.arv.imaging.usdz.RefusedModelException;
import app.arv.imaging.usdz.UsdzWriter;
import app.arv.media.ImageDecoding;
import app.arv.media.MediaStore;
import app.arv.persistence.media.MediaResource;
import app.arv.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A generated model as USDZ for iOS's AR Quick Look ({@link UsdzWriter}), converted on request from its stored GLB:
 * the GLB is spooled to a temporary file and mapped (a provider's can be hundreds of megabytes), its textures decoded
 * within the node's decode bound for requests ({@link ImageDecoding#forRequests()}: 503 {@code busy} when no slot
 * frees in time). Not stored: the GLB is the model, and the conversion is deterministic.
 */
@ApplicationScoped
public class UsdzModels {

    public static final String MEDIA_TYPE = UsdzWriter.MEDIA_TYPE;

    @Inject
    ImageDecoding decoding;

    @Inject
    MediaStore files;

    /**
     * @throws DomainException 422 {@code model_not_convertible} when the GLB holds nothing USDZ can carry (compressed
     *                         meshes, no triangles, too many), 503 when the store or the memory is short
     */
    public byte[] of(MediaResource glb) {
        Path spooled = null;
        try {
            spooled = Files.createTempFile("arv-usdz-", ".glb");
            try (InputStream in = files.open(glb)) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            ByteBuffer mapped;
            try (FileChannel file = FileChannel.open(spooled, StandardOpenOption.READ)) {
                mapped = file.map(FileChannel.MapMode.READ_ONLY, 0, file.size());
            }
            return new UsdzWriter(decoding.forRequests()).convert(mapped);
        } catch (RefusedModelException e) {
            throw DomainException.invalid("model_not_convertible", e.reason());
        } catch (IOException e) {
            throw DomainException.storageUnavailable("The model could not be read for conversion: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw ImageDecoding.outOfMemory();
        } finally {
            if (spooled != null) {
                try {
                    Files.deleteIfExists(spooled);
                } catch (IOException e) {
                    spooled.toFile().deleteOnExit();
                }
            }
        }
    }
}
