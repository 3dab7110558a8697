import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.PrintSuggester;
import app.arv.imaging.mind.quality.QualityReport;
import app.arv.imaging.raster.GreyImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What POST /markers/analyze costs per image in a warm JVM (the server's case), median of ROUNDS after WARMUP:
 * decoding (ImageLoader, 1024 px working size), MindTargetCompiler.analyze(...).quality() (what MarkerAnalyzer
 * does), their sum and the process CPU of that sum; then the full compile (analyze and CompiledTarget.target(),
 * what the marker build does) and the suggest=true extra (PrintSuggester: enhance + analyze again).
 * Uses only API that older builds have too, so analyze-bench.sh can run it against an earlier jar in the same run.
 * usage: java -cp arv-mind-cli.jar AnalyzeBench.java IMAGE [WARMUP ROUNDS [LABEL]]; prints one JSON line.
 */
public class AnalyzeBench {
    public static void main(String[] args) throws Exception {
        byte[] file = Files.readAllBytes(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        String label = args.length > 3 ? args[3] : "";
        MindTargetCompiler compiler = new MindTargetCompiler();
        PrintSuggester suggester = new PrintSuggester(compiler);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] decode = new long[rounds];
        long[] analyze = new long[rounds];
        long[] analyzeCpu = new long[rounds];
        long[] compile = new long[rounds];
        long[] suggest = new long[rounds];
        QualityReport last = null;
        GreyImage grey = null;
        for (int i = -warmup; i < rounds; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            grey = new ImageLoader().load(file);
            long t1 = System.nanoTime();
            last = compiler.analyze(grey).quality();
            long t2 = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            compiler.analyze(grey).target();
            long t3 = System.nanoTime();
            suggester.suggest(file);
            long t4 = System.nanoTime();
            if (i >= 0) {
                decode[i] = t1 - t0;
                analyze[i] = t2 - t0;
                analyzeCpu[i] = c2 - c0;
                compile[i] = t3 - t2;
                suggest[i] = t4 - t3;
            }
        }
        System.out.printf(Locale.ROOT, "{\"label\":\"%s\",\"image\":\"%s\",\"size\":\"%dx%d\",\"decodeMs\":%.1f,\"analyzeTotalMs\":%.1f,"
                        + "\"analyzeProcessCpuMs\":%.1f,\"fullCompileMs\":%.1f,\"suggestExtraMs\":%.1f,"
                        + "\"score\":%d,\"verdict\":\"%s\",\"predictedDetection\":%.3f,\"cores\":%d}%n",
                label, Path.of(args[0]).getFileName(), grey.width(), grey.height(), median(decode), median(analyze),
                median(analyzeCpu), median(compile), median(suggest), last.score(), last.verdict().label(),
                last.predictedDetection(), Runtime.getRuntime().availableProcessors());
    }

    static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
