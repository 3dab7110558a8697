/**
 * The one way ARV turns image files into pixels, for uploads, marker analysis and compilation, and
 * generation input alike. {@link MediaSniffer} names the type from the bytes (never from a name or a
 * declared type); {@link ImageDecoder} reads the header, holds the pixel count to a limit before decoding
 * (decompression bombs), and decodes subsampled to the size the caller works at, admitted by a
 * {@link DecodeGate} the application uses to bound decodes running at once. {@link ImageLoader} gives the
 * compiler its {@link app.arv.imaging.raster.GreyImage}, {@link RgbaImageLoader} the generator its colour
 * image with alpha; both apply the EXIF orientation ({@link ExifOrientation}).
 *
 * <p>Refusals are subclasses of {@link app.arv.imaging.RefusedImageException} that a caller answers
 * differently: not an image ({@link UnsupportedImageException}), too many pixels
 * ({@link ImageTooLargeException}), damaged ({@link CorruptImageException}) — running out of memory is
 * never reported as a damaged file. Uses {@code raster}; used by {@code mind}, {@code model3d} and the
 * {@code ejb} media layer.
 */
package app.arv.imaging.input;
