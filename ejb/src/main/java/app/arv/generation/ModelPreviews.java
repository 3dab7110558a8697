package app.arv.generation;

import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.render.GlbScene;
import app.arv.imaging.render.ModelPreview;
import app.arv.imaging.render.Scene;
import app.arv.media.ImageDecoding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ARV's own picture of a model from another provider ({@link ModelPreview}, the same view, light and background as
 * the local generator's previews), read from the GLB it returned. Empty when the file holds nothing drawable or is
 * not a GLB ARV can read (compressed meshes), or when drawing it runs out of stack or heap: the provider's own image is
 * the fallback, and the model is kept either way.
 */
@ApplicationScoped
public class ModelPreviews {

    private static final Logger LOG = Logger.getLogger(ModelPreviews.class.getName());

    @Inject
    ImageDecoding decoding;

    private final ModelPreview preview = new ModelPreview();

    public Optional<byte[]> of(byte[] glb) {
        return of(ByteBuffer.wrap(glb), decoding.forBackground());
    }

    /**
     * The picture of a GLB kept in a file (a provider's download, up to {@code arv.fal.max-download-bytes}): the file is
     * mapped, not read into the heap; only what the picture needs (the meshes' vertices, the textures) is.
     */
    public Optional<byte[]> of(Path glb) {
        ByteBuffer mapped;
        try (FileChannel file = FileChannel.open(glb, StandardOpenOption.READ)) {
            mapped = file.map(FileChannel.MapMode.READ_ONLY, 0, file.size());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "No preview drawn of a provider's model: its file cannot be read: " + e);
            return Optional.empty();
        }
        return of(mapped, decoding.forBackground());
    }

    /** @param decoder decodes the embedded textures (background work: waits for a decode slot) */
    Optional<byte[]> of(byte[] glb, ImageDecoder decoder) {
        return of(ByteBuffer.wrap(glb), decoder);
    }

    private Optional<byte[]> of(ByteBuffer glb, ImageDecoder decoder) {
        try {
            Scene scene = new GlbScene(decoder).read(glb);
            if (scene.surfaces().stream().allMatch(s -> s.triangles().length == 0)) {
                return Optional.empty();
            }
            return Optional.of(preview.png(scene));
        } catch (RuntimeException e) {
            // the model was paid for: a file the reader chokes on costs the picture, never the item
            LOG.log(Level.INFO, "No preview drawn of a provider's model: " + e);
            return Optional.empty();
        } catch (StackOverflowError e) {
            // The same for a file that runs the reader or renderer out of stack: its trace (a thousand frames) says nothing.
            LOG.log(Level.WARNING, "No preview drawn of a provider's model: drawing it overflowed the stack");
            return Optional.empty();
        } catch (OutOfMemoryError e) {
            // A model within the reader's bounds can still need more heap than is left (other renders, decodes running):
            // what the render allocated is garbage once it unwinds, so the item keeps its model; operators must hear of it.
            LOG.log(Level.SEVERE, "No preview drawn of a provider's model: the render ran out of memory", e);
            return Optional.empty();
        }
    }
}
