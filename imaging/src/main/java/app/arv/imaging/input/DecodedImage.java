package app.arv.imaging.input;

import java.awt.image.BufferedImage;

/**
 * A decoded image as stored (not yet turned upright): the header it was decoded from, the pixels (every
 * {@code step}-th row and column of the original), and its EXIF orientation (1..8) for the caller to apply.
 */
public record DecodedImage(ImageHeader header, BufferedImage image, int step, int orientation) {
}
