import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.model3d.GeneratedModel;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.LocalModelGenerator;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.imaging.render.GlbScene;
import app.arv.imaging.render.ModelPreview;
import app.arv.imaging.render.Scene;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Benchmark (not a test) of the model preview, run by render-bench.sh:
 *   java -cp imaging/target/arv-mind-cli.jar imaging/bench/RenderBench.java IMAGE FACE_LIMIT TEXTURE WARM_RUNS
 * Generates the model once, then times reading its GLB back into a scene and rendering that scene to the PNG
 * preview: one cold run, then the median wall and CPU time of WARM_RUNS (the app server's case). One JSON line.
 */
public class RenderBench {
    public static void main(String[] args) throws Exception {
        byte[] image = Files.readAllBytes(Path.of(args[0]));
        GenerationOptions options = new GenerationOptions(Integer.parseInt(args[1]), TextureQuality.of(args[2]));
        int warmRuns = Integer.parseInt(args[3]);
        GeneratedModel model = new LocalModelGenerator().generate(image, options);
        GlbScene reader = new GlbScene(new ImageDecoder());
        ModelPreview preview = new ModelPreview();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        long t0 = System.nanoTime();
        byte[] first = preview.png(reader.read(model.glb()));
        long coldMs = (System.nanoTime() - t0) / 1_000_000;
        long[] readMs = new long[warmRuns];
        long[] renderMs = new long[warmRuns];
        long[] encodeMs = new long[warmRuns];
        long[] cpuMs = new long[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            Scene scene = reader.read(model.glb());
            long b = System.nanoTime();
            var picture = preview.render(scene);
            long d = System.nanoTime();
            byte[] png = preview.png(scene);
            long e = System.nanoTime();
            // png() renders again: its encode share is its time less one render
            readMs[i] = (b - a) / 1_000_000;
            renderMs[i] = (d - b) / 1_000_000;
            encodeMs[i] = Math.max(0, (e - d) - (d - b)) / 1_000_000;
            cpuMs[i] = (threads.getCurrentThreadCpuTime() - c) / 1_000_000;
            if (!Arrays.equals(png, first) || picture.width() != ModelPreview.SIZE) {
                throw new IllegalStateException("not deterministic");
            }
        }
        Arrays.sort(readMs);
        Arrays.sort(renderMs);
        Arrays.sort(encodeMs);
        Arrays.sort(cpuMs);
        int m = warmRuns / 2;
        System.out.println("{\"image\":\"" + Path.of(args[0]).getFileName() + "\",\"faces\":" + model.stats().faces()
                + ",\"texture\":\"" + model.stats().textureWidth() + "x" + model.stats().textureHeight() + "\""
                + ",\"previewPx\":" + ModelPreview.SIZE + ",\"pngKiB\":" + first.length / 1024 + ",\"coldMs\":" + coldMs
                + ",\"warmReadGlbMs\":" + readMs[m] + ",\"warmRenderMs\":" + renderMs[m] + ",\"warmPngMs\":" + encodeMs[m]
                + ",\"warmCpuMsReadRenderTwiceEncode\":" + cpuMs[m] + "}");
    }
}
