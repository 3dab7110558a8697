import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * POST /markers/analyze's work (ImageLoader.load + MindTargetCompiler.analyze(...).quality(), what MarkerAnalyzer
 * does) of two builds of the imaging jar in ONE warm JVM, each in its own class loader, alternating call by call
 * (which goes first flips every round), so both see the same load on a shared, noisy machine.
 * usage: java AnalyzeCompare.java BEFORE_JAR AFTER_JAR ROUNDS IMAGE...; one JSON line per image: median wall ms of
 * each, the ratio of the medians and the median of the per-round ratios (after / before).
 */
public class AnalyzeCompare {

    record Build(Object loader, Method load, Object compiler, Method analyze, Method quality) {

        static Build of(Path jar) throws Exception {
            ClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> loaderClass = cl.loadClass("app.arv.imaging.input.ImageLoader");
            Class<?> compilerClass = cl.loadClass("app.arv.imaging.mind.MindTargetCompiler");
            Class<?> grey = cl.loadClass("app.arv.imaging.raster.GreyImage");
            Class<?> compiled = cl.loadClass("app.arv.imaging.mind.CompiledTarget");
            return new Build(loaderClass.getConstructor().newInstance(), loaderClass.getMethod("load", byte[].class),
                    compilerClass.getConstructor().newInstance(), compilerClass.getMethod("analyze", grey),
                    compiled.getMethod("quality"));
        }

        /** @return {wall, CPU of all Java threads} nanoseconds of one analyze */
        long[] analyze(byte[] file) throws Exception {
            long c0 = javaThreadsCpu();
            long t0 = System.nanoTime();
            Object report = quality.invoke(analyze.invoke(compiler, load.invoke(loader, (Object) file)));
            long t1 = System.nanoTime();
            long c1 = javaThreadsCpu();
            if (report == null) {
                throw new IllegalStateException("no report");
            }
            return new long[] {t1 - t0, c1 - c0};
        }
    }

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of all live Java threads (the caller and both builds' compile pools; idle threads add nothing). */
    static long javaThreadsCpu() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            sum += Math.max(0, t);
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        Build before = Build.of(Path.of(args[0]));
        Build after = Build.of(Path.of(args[1]));
        int rounds = Integer.parseInt(args[2]);
        for (int a = 3; a < args.length; a++) {
            byte[] file = Files.readAllBytes(Path.of(args[a]));
            for (int i = 0; i < 5; i++) {
                before.analyze(file);
                after.analyze(file);
            }
            long[][] b = new long[2][rounds];
            long[][] f = new long[2][rounds];
            double[][] ratio = new double[2][rounds];
            for (int i = 0; i < rounds; i++) {
                long[] x;
                long[] y;
                if (i % 2 == 0) {
                    x = before.analyze(file);
                    y = after.analyze(file);
                } else {
                    y = after.analyze(file);
                    x = before.analyze(file);
                }
                for (int k = 0; k < 2; k++) {
                    b[k][i] = x[k];
                    f[k][i] = y[k];
                    ratio[k][i] = y[k] / (double) x[k];
                }
            }
            StringBuilder json = new StringBuilder(String.format(Locale.ROOT, "{\"image\":\"%s\",\"rounds\":%d",
                    Path.of(args[a]).getFileName(), rounds));
            String[] names = {"wall", "cpu"};
            for (int k = 0; k < 2; k++) {
                Arrays.sort(b[k]);
                Arrays.sort(f[k]);
                Arrays.sort(ratio[k]);
                json.append(String.format(Locale.ROOT, ",\"%s\":{\"beforeMedianMs\":%.1f,\"afterMedianMs\":%.1f,\"ratioOfMedians\":%.2f,"
                                + "\"medianRatio\":%.2f,\"beforeP10P90Ms\":[%.1f,%.1f],\"afterP10P90Ms\":[%.1f,%.1f]}", names[k],
                        b[k][rounds / 2] / 1e6, f[k][rounds / 2] / 1e6, f[k][rounds / 2] / (double) b[k][rounds / 2],
                        ratio[k][rounds / 2], b[k][rounds / 10] / 1e6, b[k][rounds * 9 / 10] / 1e6, f[k][rounds / 10] / 1e6,
                        f[k][rounds * 9 / 10] / 1e6));
            }
            System.out.println(json.append(String.format(Locale.ROOT, ",\"cores\":%d}", Runtime.getRuntime().availableProcessors())));
        }
    }
}
