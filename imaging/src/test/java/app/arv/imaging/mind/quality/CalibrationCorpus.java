package app.arv.imaging.mind.quality;

import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.CompiledTarget;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.imaging.raster.GreyImage;
import app.arv.imaging.raster.Resampler;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * The calibration corpus, generated deterministically from the public-domain images shipped in the project
 * (imaging/bench/calibrate.sh runs it; DetectionCalibrationIT regenerates a sample of it):
 *   java -cp imaging/target/arv-mind-cli.jar:imaging/target/test-classes app.arv.imaging.mind.quality.CalibrationCorpus
 *        OUT_DIR SOURCE_IMAGE...
 * For every source image and every degradation below it writes OUT_DIR/targets/ID.png (what is printed and what
 * the camera sees), ID.mind (ARV's compiler) and the same for ID~enhanced (PrintEnhancer applied to it), plus
 * OUT_DIR/jobs.tsv, OUT_DIR/jobs-enhanced.tsv (for calibrate.mjs) and OUT_DIR/features.csv (DetectionFeatures of
 * every target, both variants).
 */
public class CalibrationCorpus {

    record Degradation(String name, UnaryOperator<GreyImage> apply) {
    }

    static final List<Degradation> DEGRADATIONS = List.of(
            new Degradation("original", g -> g),
            new Degradation("blur-1.5", g -> blur(g, 1.5)),
            new Degradation("blur-3", g -> blur(g, 3)),
            new Degradation("blur-6", g -> blur(g, 6)),
            new Degradation("contrast-0.25", g -> contrast(g, 0.25)),
            new Degradation("contrast-0.1", g -> contrast(g, 0.1)),
            new Degradation("contrast-0.04", g -> contrast(g, 0.04)),
            new Degradation("noise-25", g -> noise(g, 25, 1)),
            new Degradation("noise-60", g -> noise(g, 60, 2)),
            new Degradation("jpeg-8", g -> jpeg(g, 0.08f)),
            new Degradation("small-160", g -> longSide(g, 160)),
            new Degradation("small-96", g -> longSide(g, 96)),
            new Degradation("flat-75", g -> flatten(g, 0.75)),
            new Degradation("crop-centre", g -> crop(g, 0.35)),
            new Degradation("soft-low-contrast", g -> contrast(blur(g, 2), 0.2)),
            new Degradation("tiled", g -> tile(g, 4)));

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path targets = out.resolve("targets");
        Files.createDirectories(targets);
        MindTargetCompiler compiler = new MindTargetCompiler();
        PrintEnhancer enhancer = new PrintEnhancer();
        List<String> jobs = new ArrayList<>();
        List<String> enhancedJobs = new ArrayList<>();
        List<String> csv = new ArrayList<>();
        csv.add(featuresHeader());
        for (int i = 1; i < args.length; i++) {
            Path source = Path.of(args[i]);
            String base = source.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            GreyImage original = new ImageLoader(1024).load(Files.readAllBytes(source));
            for (Degradation d : DEGRADATIONS) {
                String id = base + "~" + d.name();
                GreyImage degraded = d.apply().apply(original);
                csv.add(write(compiler, targets, id, base, d.name(), degraded));
                jobs.add(id + "\ttargets/" + id + ".png\ttargets/" + id + ".mind");
                String enhancedId = id + "~enhanced";
                csv.add(write(compiler, targets, enhancedId, base, d.name() + "+enhanced", enhancer.enhance(degraded)));
                enhancedJobs.add(enhancedId + "\ttargets/" + enhancedId + ".png\ttargets/" + enhancedId + ".mind");
                System.err.println(id);
            }
        }
        // a fixed shuffle, so an interrupted measurement still covers every source and degradation
        java.util.Collections.shuffle(jobs, new Random(14));
        java.util.Collections.shuffle(enhancedJobs, new Random(14));
        Files.write(out.resolve("jobs.tsv"), jobs);
        Files.write(out.resolve("jobs-enhanced.tsv"), enhancedJobs);
        Files.write(out.resolve("features.csv"), csv);
    }

    /** One corpus target's image: the source as ARV loads it (long side 1024 at most), degraded. */
    public static GreyImage target(byte[] source, String degradation) throws app.arv.imaging.RefusedImageException {
        GreyImage original = new ImageLoader(1024).load(source);
        return DEGRADATIONS.stream().filter(d -> d.name().equals(degradation)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no degradation " + degradation)).apply().apply(original);
    }

    static String featuresHeader() {
        return "id,source,degradation,width,height,features_per_scale,total_features,largest_scale_features,"
                + "tracking_points,coverage,largest_cell_share,spread,duplicate_share,median_nearest_bits,contrast,flat_share";
    }

    private static String write(MindTargetCompiler compiler, Path dir, String id, String source, String degradation,
            GreyImage image) throws IOException {
        byte[] png = png(image);
        Files.write(dir.resolve(id + ".png"), png);
        // compile exactly what the server would: the PNG decoded by ARV's loader
        GreyImage loaded;
        try {
            loaded = new ImageLoader().load(png);
        } catch (app.arv.imaging.RefusedImageException e) {
            throw new IllegalStateException(id + ": " + e.reason(), e);
        }
        CompiledTarget compiled = compiler.analyze(loaded);
        Files.write(dir.resolve(id + ".mind"), new MindWriter().write(new MindFile(List.of(compiled.target()))));
        DetectionFeatures f = DetectionFeatures.of(compiled.target());
        return String.join(",", id, source, degradation, Integer.toString(f.width()), Integer.toString(f.height()),
                f.featuresPerScale().stream().map(String::valueOf).collect(Collectors.joining(";")),
                Integer.toString(f.totalFeatures()), Integer.toString(f.largestScaleFeatures()),
                Integer.toString(f.trackingPoints()), fmt(f.coverage()), fmt(f.largestCellShare()), fmt(f.spread()),
                fmt(f.duplicateShare()), fmt(f.medianNearestBits()), fmt(f.contrast()), fmt(f.flatShare()));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    public static byte[] png(GreyImage g) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(toBuffered(g), "png", bytes);
        return bytes.toByteArray();
    }

    static BufferedImage toBuffered(GreyImage g) {
        BufferedImage b = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
        b.getRaster().setDataElements(0, 0, g.width(), g.height(), g.pixels());
        return b;
    }

    static GreyImage blur(GreyImage g, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        int w = g.width();
        int h = g.height();
        double[] tmp = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * g.get(Math.min(w - 1, Math.max(0, x + i)), y);
                }
                tmp[y * w + x] = s / sum;
            }
        }
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
                }
                out[y * w + x] = (byte) clamp(s / sum);
            }
        }
        return new GreyImage(w, h, out);
    }

    /** Grey levels squeezed around the mean by the factor (a dull print, a washed-out photo). */
    public static GreyImage contrast(GreyImage g, double factor) {
        double mean = 0;
        for (byte b : g.pixels()) {
            mean += b & 0xff;
        }
        mean /= g.pixels().length;
        byte[] out = new byte[g.pixels().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) clamp(mean + ((g.pixels()[i] & 0xff) - mean) * factor);
        }
        return new GreyImage(g.width(), g.height(), out);
    }

    static GreyImage noise(GreyImage g, double sigma, long seed) {
        Random random = new Random(seed);
        byte[] out = new byte[g.pixels().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) clamp((g.pixels()[i] & 0xff) + random.nextGaussian() * sigma);
        }
        return new GreyImage(g.width(), g.height(), out);
    }

    static GreyImage jpeg(GreyImage g, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(toBuffered(g), null, null), param);
            }
            writer.dispose();
            return new ImageLoader(4096).load(bytes.toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static GreyImage longSide(GreyImage g, int side) {
        return Resampler.resize(g, side / (double) g.maxSide());
    }

    /** Everything but a centred window of (1 - share) of the area painted in the mean grey (big plain margins). */
    static GreyImage flatten(GreyImage g, double share) {
        double keep = Math.sqrt(1 - share);
        int w = g.width();
        int h = g.height();
        int x0 = (int) (w * (1 - keep) / 2);
        int y0 = (int) (h * (1 - keep) / 2);
        int x1 = w - x0;
        int y1 = h - y0;
        long sum = 0;
        for (byte b : g.pixels()) {
            sum += b & 0xff;
        }
        byte mean = (byte) (sum / g.pixels().length);
        byte[] out = g.pixels().clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x < x0 || x >= x1 || y < y0 || y >= y1) {
                    out[y * w + x] = mean;
                }
            }
        }
        return new GreyImage(w, h, out);
    }

    /** The centred window holding the share of the area, as its own target (a detail of the photo). */
    static GreyImage crop(GreyImage g, double share) {
        double keep = Math.sqrt(share);
        int w = (int) (g.width() * keep);
        int h = (int) (g.height() * keep);
        int x0 = (g.width() - w) / 2;
        int y0 = (g.height() - h) / 2;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(g.pixels(), (y0 + y) * g.width() + x0, out, y * w, w);
        }
        return new GreyImage(w, h, out);
    }

    /** The centre patch repeated n x n times at the original size (a repetitive pattern, wallpaper-like). */
    public static GreyImage tile(GreyImage g, int n) {
        int pw = g.width() / n;
        int ph = g.height() / n;
        int x0 = (g.width() - pw) / 2;
        int y0 = (g.height() - ph) / 2;
        int w = pw * n;
        int h = ph * n;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = g.pixels()[(y0 + y % ph) * g.width() + x0 + x % pw];
            }
        }
        return new GreyImage(w, h, out);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
