package app.arv.marker;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindFormatException;
import app.arv.imaging.mind.format.MindReader;
import app.arv.media.ImageDecoding;
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

    private MarkerFiles() {
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
            throw ImageDecoding.refusal(name, e,
                    () -> DomainException.invalid("image_refused", "'" + name + "' cannot be a marker: " + e.reason()));
        } catch (OutOfMemoryError e) {
            throw ImageDecoding.outOfMemory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiled marker as stored; one that is not a {@code .mind} file is a fault of ARV's, not the caller's. */
    static MindFile readStored(MediaStore files, MediaResource marker) {
        try {
            return new MindReader().read(files.readAll(marker));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MindFormatException e) {
            throw new IllegalStateException("Stored marker " + marker.getId() + " is not a .mind file", e);
        }
    }
}
