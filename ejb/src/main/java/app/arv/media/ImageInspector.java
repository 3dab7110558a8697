package app.arv.media;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.input.DecodedImage;
import app.arv.imaging.input.ImageHeader;
import app.arv.shared.DomainException;
import app.arv.shared.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.coobird.thumbnailator.Thumbnails;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Decides whether an uploaded file is an image ARV accepts, without trusting anything the client
 * said: the type comes from the bytes, the pixel count from the header (checked before any
 * decoding, against decompression bombs), and a decode must finish without the decoder
 * complaining (truncated or corrupt files). Decoding goes through the node's {@link ImageDecoding}
 * (subsampled to about the largest thumbnail, a bounded number at once), so memory stays small
 * whatever the image's size, and the thumbnails come from it.
 */
@ApplicationScoped
public class ImageInspector {

    /** Longest sides of the thumbnails every image gets (never upscaled). */
    static final int[] THUMBNAIL_SIDES = {1024, 256};
    private static final double THUMBNAIL_QUALITY = 0.85;

    @Inject
    Spool spool;

    @Inject
    ImageDecoding decoding;

    public ImageInspector() {
    }

    ImageInspector(Spool spool, ImageDecoding decoding) {
        this.spool = spool;
        this.decoding = decoding;
    }

    /** @throws DomainException 422 naming the file when it is not an acceptable, intact image; 503 busy when no decode slot frees in time */
    public InspectedImage inspect(SpooledFile file) {
        String name = file.originalName();
        if (file.size() == 0) {
            throw DomainException.invalid("empty_file", "'" + name + "' is empty");
        }
        String type = decoding.requireAcceptedType(file);
        try {
            DecodedImage decoded = decoding.forRequests().decode(file.path(), THUMBNAIL_SIDES[0]);
            ImageHeader header = decoded.header();
            BufferedImage upright = Upright.of(decoded.image(), decoded.orientation());
            boolean turned = decoded.orientation() >= 5;
            return new InspectedImage(type, turned ? header.height() : header.width(), turned ? header.width() : header.height(),
                    thumbnails(upright, header.longestSide()));
        } catch (RefusedImageException e) {
            throw ImageDecoding.refusal(name, e, () -> corrupt(name));
        } catch (OutOfMemoryError e) {
            throw ImageDecoding.outOfMemory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<InspectedImage.Thumbnail> thumbnails(BufferedImage upright, int originalLongestSide) throws IOException {
        List<InspectedImage.Thumbnail> made = new ArrayList<>();
        int previous = -1;
        for (int side : THUMBNAIL_SIDES) {
            int target = Math.min(side, originalLongestSide);
            if (target == previous) {
                continue;
            }
            previous = target;
            Path file = spool.newFile(".jpg");
            MessageDigest sha256 = Sha256.digest();
            BufferedImage scaled = Thumbnails.of(upright).size(target, target).keepAspectRatio(true).asBufferedImage();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                Thumbnails.of(scaled).scale(1.0).outputFormat("jpg").outputQuality(THUMBNAIL_QUALITY).toOutputStream(out);
            }
            made.add(new InspectedImage.Thumbnail(side, file, Files.size(file), HexFormat.of().formatHex(sha256.digest()),
                    scaled.getWidth(), scaled.getHeight()));
        }
        return made;
    }

    private static DomainException corrupt(String name) {
        return DomainException.invalid("image_corrupt", "'" + name + "' is not a complete, readable image (truncated or corrupt)");
    }
}
