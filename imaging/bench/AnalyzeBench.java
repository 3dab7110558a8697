import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.PrintSuggester;
import app.arv.imaging.mind.quality.QualityAssessor;
import app.arv.imaging.mind.quality.QualityReport;
import app.arv.imaging.raster.GreyImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What POST /markers/analyze costs per image in a warm JVM (the server's case), by part, median of ROUNDS after
 * WARMUP: decoding (ImageLoader, 1024 px working size), compiling with the quality report (MindTargetCompiler
 * .analyze: keyframes on the shared pool), the report alone (QualityAssessor on the compiled target: features,
 * descriptor distinctiveness, model), and the suggest=true extra (PrintSuggester: enhance + compile again).
 * usage: java -cp arv-mind-cli.jar AnalyzeBench.java IMAGE [WARMUP ROUNDS]; prints one JSON line.
 */
public class AnalyzeBench {
    public static void main(String[] args) throws Exception {
        byte[] file = Files.readAllBytes(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        MindTargetCompiler compiler = new MindTargetCompiler();
        PrintSuggester suggester = new PrintSuggester(compiler);
        QualityAssessor assessor = new QualityAssessor();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] analyzeCpu = new long[rounds];
        long[] decode = new long[rounds];
        long[] analyze = new long[rounds];
        long[] report = new long[rounds];
        long[] suggest = new long[rounds];
        long[] reportCpu = new long[rounds];
        QualityReport last = null;
        GreyImage grey = null;
        for (int i = -warmup; i < rounds; i++) {
            long p0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            grey = new ImageLoader().load(file);
            long t1 = System.nanoTime();
            var compiled = compiler.analyze(grey);
            long t2 = System.nanoTime();
            long p2 = os.getProcessCpuTime();
            long c = threads.getCurrentThreadCpuTime();
            last = assessor.assess(compiled.target());
            long t3 = System.nanoTime();
            long c3 = threads.getCurrentThreadCpuTime();
            suggester.suggest(file);
            long t4 = System.nanoTime();
            if (i >= 0) {
                decode[i] = t1 - t0;
                analyze[i] = t2 - t1;
                report[i] = t3 - t2;
                reportCpu[i] = c3 - c;
                suggest[i] = t4 - t3;
                analyzeCpu[i] = p2 - p0;
            }
        }
        System.out.printf(Locale.ROOT, "{\"image\":\"%s\",\"size\":\"%dx%d\",\"decodeMs\":%.1f,\"compileAndReportMs\":%.1f,"
                        + "\"reportOnlyMs\":%.1f,\"reportOnlyCpuMs\":%.1f,\"analyzeTotalMs\":%.1f,\"analyzeProcessCpuMs\":%.1f,\"suggestExtraMs\":%.1f,"
                        + "\"score\":%d,\"verdict\":\"%s\",\"predictedDetection\":%.3f,\"cores\":%d}%n",
                args[0], grey.width(), grey.height(), median(decode), median(analyze), median(report), median(reportCpu),
                median(decode) + median(analyze), median(analyzeCpu), median(suggest), last.score(), last.verdict().label(), last.predictedDetection(),
                Runtime.getRuntime().availableProcessors());
    }

    static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
