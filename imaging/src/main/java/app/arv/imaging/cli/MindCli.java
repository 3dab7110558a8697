package app.arv.imaging.cli;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.CompiledTarget;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.format.Keyframe;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindFormatException;
import app.arv.imaging.mind.format.MindReader;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.imaging.mind.format.TrackingImage;
import app.arv.imaging.mind.quality.QualityReport;
import app.arv.imaging.mind.quality.ScaleFeatures;
import app.arv.imaging.raster.GreyImage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar arv-mind-cli.jar compile IN... OUT.mind | inspect FILE.mind | analyze IN}.
 * Exit codes: 0 done, 1 input refused (reason on stderr), 2 usage error.
 */
public final class MindCli {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: java -jar arv-mind-cli.jar [--max-side PX] compile IMAGE [IMAGE...] OUT.mind
                   java -jar arv-mind-cli.jar inspect FILE.mind
                   java -jar arv-mind-cli.jar [--max-side PX] analyze IMAGE
              images: JPEG, PNG or WebP; the long side is scaled down to --max-side (default 1024)""";

    private final PrintStream out;
    private final PrintStream err;

    MindCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new MindCli(System.out, System.err).run(args);
        System.out.flush();
        System.exit(code);
    }

    int run(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        int maxSide = ImageLoader.DEFAULT_MAX_SIDE;
        int flag = rest.indexOf("--max-side");
        if (flag >= 0) {
            try {
                maxSide = Integer.parseInt(rest.get(flag + 1));
                rest.remove(flag + 1);
                rest.remove(flag);
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                return usage("--max-side needs a number of pixels");
            }
            if (maxSide < ImageLoader.MIN_SIDE) {
                return usage("--max-side must be at least " + ImageLoader.MIN_SIDE);
            }
        }
        if (rest.isEmpty()) {
            return usage(null);
        }
        String command = rest.remove(0);
        try {
            return switch (command) {
                case "compile" -> rest.size() < 2
                        ? usage("compile needs at least one image and an output file")
                        : compile(rest.subList(0, rest.size() - 1), Path.of(rest.get(rest.size() - 1)), maxSide);
                case "inspect" -> rest.size() != 1 ? usage("inspect needs exactly one .mind file") : inspect(Path.of(rest.get(0)));
                case "analyze" -> rest.size() != 1 ? usage("analyze needs exactly one image") : analyze(Path.of(rest.get(0)), maxSide);
                default -> usage("unknown command " + command);
            };
        } catch (RefusedImageException e) {
            err.println("refused: " + e.reason());
            return REFUSED;
        } catch (MindFormatException e) {
            err.println("refused: not a valid .mind file: " + e.getMessage());
            return REFUSED;
        } catch (NoSuchFileException e) {
            err.println("refused: no such file: " + e.getFile());
            return REFUSED;
        } catch (IOException e) {
            err.println("refused: " + e);
            return REFUSED;
        }
    }

    private int compile(List<String> inputs, Path output, int maxSide) throws IOException, RefusedImageException {
        ImageLoader loader = new ImageLoader(maxSide);
        MindTargetCompiler compiler = new MindTargetCompiler();
        List<MindTarget> targets = new ArrayList<>();
        List<Object> reports = new ArrayList<>();
        for (String input : inputs) {
            GreyImage image;
            CompiledTarget compiled;
            try {
                image = loader.load(Files.readAllBytes(Path.of(input)));
                compiled = compiler.compile(image);
            } catch (RefusedImageException e) {
                throw new RefusedImageException(input + ": " + e.reason(), e);
            }
            targets.add(compiled.target());
            Map<String, Object> report = quality(compiled.quality());
            report.put("file", input);
            reports.add(report);
        }
        byte[] bytes = new MindWriter().write(new MindFile(targets));
        Files.write(output, bytes);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", output.toString());
        summary.put("bytes", bytes.length);
        summary.put("targets", reports);
        out.println(Json.write(summary));
        return OK;
    }

    private int inspect(Path file) throws IOException, MindFormatException {
        byte[] bytes = Files.readAllBytes(file);
        MindFile mind = new MindReader().read(bytes);
        List<Object> targets = new ArrayList<>();
        for (MindTarget t : mind.targets()) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("width", t.width());
            target.put("height", t.height());
            List<Object> keyframes = new ArrayList<>();
            for (Keyframe k : t.keyframes()) {
                Map<String, Object> kf = new LinkedHashMap<>();
                kf.put("width", k.width());
                kf.put("height", k.height());
                kf.put("scale", k.scale());
                kf.put("maxima", k.maximaPoints().size());
                kf.put("minima", k.minimaPoints().size());
                keyframes.add(kf);
            }
            target.put("matching", keyframes);
            List<Object> tracking = new ArrayList<>();
            for (TrackingImage ti : t.trackingImages()) {
                Map<String, Object> tr = new LinkedHashMap<>();
                tr.put("width", ti.width());
                tr.put("height", ti.height());
                tr.put("scale", ti.scale());
                tr.put("points", ti.points().size());
                tracking.add(tr);
            }
            target.put("tracking", tracking);
            targets.add(target);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", file.toString());
        summary.put("bytes", bytes.length);
        summary.put("version", MindFile.VERSION);
        summary.put("targets", targets);
        out.println(Json.write(summary));
        return OK;
    }

    private int analyze(Path input, int maxSide) throws IOException, RefusedImageException {
        GreyImage image = new ImageLoader(maxSide).load(Files.readAllBytes(input));
        Map<String, Object> report = quality(new MindTargetCompiler().analyze(image).quality());
        report.put("file", input.toString());
        out.println(Json.write(report));
        return OK;
    }

    private static Map<String, Object> quality(QualityReport q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", q.width());
        m.put("height", q.height());
        m.put("score", q.score());
        m.put("verdict", q.verdict().label());
        m.put("reasons", q.reasons());
        List<Object> scales = new ArrayList<>();
        for (ScaleFeatures s : q.scales()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("scale", s.scale());
            sm.put("width", s.width());
            sm.put("height", s.height());
            sm.put("maxima", s.maxima());
            sm.put("minima", s.minima());
            scales.add(sm);
        }
        m.put("featuresPerScale", scales);
        m.put("totalFeatures", q.totalFeatures());
        m.put("trackingPoints", q.trackingPoints());
        m.put("coverage", Math.round(q.coverage() * 1000) / 1000.0);
        m.put("largestCellShare", Math.round(q.largestCellShare() * 1000) / 1000.0);
        m.put("predictedDetection", Math.round(q.predictedDetection() * 1000) / 1000.0);
        m.put("minPrintWidthCm", q.minPrintWidthCm());
        return m;
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println(problem);
        }
        err.println(USAGE_TEXT);
        return USAGE;
    }
}
