package app.arv.marker;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindFormatException;
import app.arv.imaging.mind.format.MindReader;
import app.arv.media.ImageDecoding;
import app.arv.media.ImageShape;
import app.arv.media.MediaStore;
import app.arv.media.SpooledFile;
import app.arv.persistence.media.MediaResource;
import app.arv.shared.DomainException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The files marker work reads: an image offered as a marker (decoded, or refused with the problem) and a stored {@code .mind}. */
final class MarkerFiles {

    /** Decodes an offered image's bytes; refuses what cannot be a marker. */
    interface Decoding<T> {
        T decode(byte[] bytes) throws RefusedImageException;
    }

    /**
     * A portrait the compile can take, by its shape: the compile's own rule ({@link ImageLoader#requireTrackableShape} at
     * its working size), so an upload refuses at once, with the quality check's problem, a strip the compile would only
     * fail later.
     */
    static final ImageShape COMPILABLE = MarkerFiles::requireCompilableShape;

    private MarkerFiles() {
    }

    /** @throws DomainException 422 {@code image_refused} naming the file and the reason, as {@link #decodeOffered} */
    static void requireCompilableShape(String name, int width, int height) {
        try {
            ImageLoader.requireTrackableShape(width, height, ImageLoader.DEFAULT_MAX_SIDE);
        } catch (RefusedImageException e) {
            throw notAMarker(name, e);
        }
    }

    /**
     * The offered image, decoded within a request; of a type an upload accepts, so a check never judges a file the
     * upload would refuse.
     *
     * @throws DomainException 422 {@code image_too_large} (over the pixel limit), {@code unsupported_file_type} (not an
     *                         image) or {@code image_refused} with the loader's reason; 503 {@code busy} when memory or
     *                         a decode slot is short
     */
    static <T> T decodeOffered(SpooledFile file, ImageDecoding images, Decoding<T> decoding) {
        String name = file.originalName();
        images.requireAcceptedType(file);
        try {
            return decoding.decode(Files.readAllBytes(file.path()));
        } catch (RefusedImageException e) {
            throw ImageDecoding.refusal(name, e, () -> notAMarker(name, e));
        } catch (OutOfMemoryError e) {
            throw ImageDecoding.outOfMemory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DomainException notAMarker(String name, RefusedImageException refused) {
        return DomainException.invalid("image_refused", "'" + name + "' cannot be a marker: " + refused.reason());
    }

    /**
     * The compiled marker as stored; one that is not a {@code .mind} file is a fault of ARV's, not the caller's.
     *
     * @throws DomainException 503 {@code storage_unavailable} when the store breaks off while sending it
     */
    static MindFile readStored(MediaStore files, MediaResource marker) {
        try {
            return new MindReader().read(files.readAll(marker));
        } catch (IOException e) {
            throw MediaStore.stoppedSending("the compiled marker " + marker.getId(), e);
        } catch (MindFormatException e) {
            throw new IllegalStateException("Stored marker " + marker.getId() + " is not a .mind file", e);
        }
    }
}
