package app.arv.imaging.mind;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.input.RgbaImageLoader;
import app.arv.imaging.mind.quality.PrintEnhancer;
import app.arv.imaging.mind.quality.QualityReport;
import app.arv.imaging.raster.RgbaImage;

/**
 * A better print of a weak photo: the colour image enhanced by {@link PrintEnhancer} (transparency flattened on
 * white, long side at most {@value #MAX_SIDE} px), as a PNG, with the quality report the compiler gives that PNG
 * (the same report AR content created from it will get). Both decodes (the photo, then the print for its report)
 * go through the decoder it is given, so the application's pixel limit and decode slots hold for them.
 */
public final class PrintSuggester {

    static final int MAX_SIDE = 2048;

    private final MindTargetCompiler compiler;
    private final ImageDecoder decoder;
    private final PrintEnhancer enhancer = new PrintEnhancer();

    /** For tools: one image at a time, the default limits. */
    public PrintSuggester(MindTargetCompiler compiler) {
        this(compiler, new ImageDecoder());
    }

    public PrintSuggester(MindTargetCompiler compiler, ImageDecoder decoder) {
        this.compiler = compiler;
        this.decoder = decoder;
    }

    /** The enhanced print of an image file and its report. */
    public Suggestion suggest(byte[] file) throws RefusedImageException {
        RgbaImage rgba = new RgbaImageLoader(MAX_SIDE, decoder).load(file);
        int[] enhanced = enhancer.enhanceArgb(onWhite(rgba.argb()), rgba.width(), rgba.height());
        byte[] png = new RgbaImage(rgba.width(), rgba.height(), enhanced).opaquePng();
        QualityReport report = compiler.analyze(new ImageLoader(ImageLoader.DEFAULT_MAX_SIDE, decoder).load(png)).quality();
        return new Suggestion(png, rgba.width(), rgba.height(), report);
    }

    /** @param png the enhanced print, opaque, {@code width} x {@code height} */
    public record Suggestion(byte[] png, int width, int height, QualityReport report) {
    }

    private static int[] onWhite(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            int r = (((p >> 16) & 0xff) * a + 255 * (255 - a)) / 255;
            int g = (((p >> 8) & 0xff) * a + 255 * (255 - a)) / 255;
            int b = ((p & 0xff) * a + 255 * (255 - a)) / 255;
            out[i] = 0xff000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }

}
