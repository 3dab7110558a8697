/**
 * Pixel containers and resampling shared by the compiler and the generator: {@link GreyImage} (8-bit,
 * the only format the compiler works on), {@link RgbaImage} (colour with alpha, for the generator) and
 * {@link Resampler} (MindAR's floored box average for keyframes, bilinear where the reference would
 * leave upscaled pixels black). The bottom of {@code app.arv.imaging}: depends on nothing else of it.
 */
package app.arv.imaging.raster;
