package app.arv.media;

import app.arv.imaging.input.ExifOrientation;
import app.arv.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.coobird.thumbnailator.Thumbnails;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Decides whether an uploaded file is an image ARV accepts, without trusting anything the client
 * said: the type comes from the bytes, the pixel count from the header (checked before any
 * decoding, against decompression bombs), and a full decode must finish without the decoder
 * complaining (truncated or corrupt files). The decode is subsampled to about the largest
 * thumbnail, so memory stays small whatever the image's size, and the thumbnails come from it.
 */
@ApplicationScoped
public class ImageInspector {

    /** Longest sides of the thumbnails every image gets (never upscaled). */
    static final int[] THUMBNAIL_SIDES = {1024, 256};
    private static final double THUMBNAIL_QUALITY = 0.85;
    private static final int EXIF_SEARCH_BYTES = 128 * 1024;

    static {
        // Streams come from files; ImageIO's own disk cache would only add copies.
        ImageIO.setUseCache(false);
        // Registers the TwelveMonkeys readers (WebP, the more tolerant JPEG) bundled with the application.
        ImageIO.scanForPlugins();
    }

    @Inject
    UploadRules rules;

    @Inject
    Spool spool;

    public ImageInspector() {
    }

    ImageInspector(UploadRules rules, Spool spool) {
        this.rules = rules;
        this.spool = spool;
    }

    /** @throws DomainException 422 naming the file when it is not an acceptable, intact image */
    public InspectedImage inspect(SpooledFile file) {
        String name = file.originalName();
        if (file.size() == 0) {
            throw DomainException.invalid("empty_file", "'" + name + "' is empty");
        }
        String type = MediaSniffer.sniff(file.head(), file.headLength()).orElseThrow(() -> DomainException.invalid(
                "unsupported_file_type", "'" + name + "' is not an image of an accepted type (its bytes match no known format)"));
        if (!rules.allows(type)) {
            throw DomainException.invalid("unsupported_file_type", "'" + name + "' is " + type + ", which is not accepted");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.path().toFile())) {
            ImageReader reader = readerFor(type, name);
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > rules.maxPixels()) {
                    throw DomainException.invalid("image_too_large", "'" + name + "' declares " + width + "x" + height
                            + " pixels; at most " + rules.maxPixels() + " pixels are accepted");
                }
                BufferedImage decoded = decodeSubsampled(reader, Math.max(width, height), name);
                int orientation = ExifOrientation.of(head(file.path()));
                BufferedImage upright = Upright.of(decoded, orientation);
                boolean turned = orientation >= 5;
                return new InspectedImage(type, turned ? height : width, turned ? width : height,
                        thumbnails(upright, Math.max(width, height)));
            } finally {
                reader.dispose();
            }
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(name);
        }
    }

    private static BufferedImage decodeSubsampled(ImageReader reader, int longestSide, String name) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, longestSide / THUMBNAIL_SIDES[0]);
        param.setSourceSubsampling(step, step, 0, 0);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image;
        try {
            image = reader.read(0, param);
        } catch (IIOException e) {
            throw corrupt(name);
        }
        // Decoders paint the missing rest of a truncated file grey and only warn: a warning is a refusal.
        if (!warnings.isEmpty() || image == null) {
            throw corrupt(name);
        }
        return image;
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
            MessageDigest sha256 = Spool.sha256();
            BufferedImage scaled = Thumbnails.of(upright).size(target, target).keepAspectRatio(true).asBufferedImage();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                Thumbnails.of(scaled).scale(1.0).outputFormat("jpg").outputQuality(THUMBNAIL_QUALITY).toOutputStream(out);
            }
            made.add(new InspectedImage.Thumbnail(side, file, Files.size(file), HexFormat.of().formatHex(sha256.digest()),
                    scaled.getWidth(), scaled.getHeight()));
        }
        return made;
    }

    private static ImageReader readerFor(String type, String name) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw DomainException.invalid("unsupported_file_type", "'" + name + "' is " + type + ", which cannot be decoded here");
        }
        return readers.next();
    }

    private static DomainException corrupt(String name) {
        return DomainException.invalid("image_corrupt", "'" + name + "' is not a complete, readable image (truncated or corrupt)");
    }

    /** EXIF sits near the start of a file; a phone photo's orientation never needs more than this. */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(EXIF_SEARCH_BYTES);
        }
    }
}
