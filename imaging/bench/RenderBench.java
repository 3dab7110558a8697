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
 * Generates the model once, then times a whole preview (reading its GLB back into a scene, rendering, PNG): one cold
 * run, then medians of WARM_RUNS (the app server's case): read, rasterizer alone, whole preview wall and CPU time.
 * One JSON line.
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
        long[] previewMs = new long[warmRuns];
        long[] previewCpuMs = new long[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            // one whole preview as the server makes it: GLB read back, rendered, PNG encoded
            long c = threads.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            Scene scene = reader.read(model.glb());
            long b = System.nanoTime();
            byte[] png = preview.png(scene);
            long e = System.nanoTime();
            previewCpuMs[i] = (threads.getCurrentThreadCpuTime() - c) / 1_000_000;
            readMs[i] = (b - a) / 1_000_000;
            previewMs[i] = (e - a) / 1_000_000;
            // and the rasterizer alone (no PNG)
            long f = System.nanoTime();
            var picture = preview.render(scene);
            renderMs[i] = (System.nanoTime() - f) / 1_000_000;
            if (!Arrays.equals(png, first) || picture.width() != ModelPreview.SIZE) {
                throw new IllegalStateException("not deterministic");
            }
        }
        Arrays.sort(readMs);
        Arrays.sort(renderMs);
        Arrays.sort(previewMs);
        Arrays.sort(previewCpuMs);
        int m = warmRuns / 2;
        System.out.println("{\"image\":\"" + Path.of(args[0]).getFileName() + "\",\"faces\":" + model.stats().faces()
                + ",\"texture\":\"" + model.stats().textureWidth() + "x" + model.stats().textureHeight() + "\""
                + ",\"previewPx\":" + ModelPreview.SIZE + ",\"pngKiB\":" + first.length / 1024 + ",\"coldMs\":" + coldMs
                + ",\"warmReadGlbMs\":" + readMs[m] + ",\"warmRenderMs\":" + renderMs[m] + ",\"warmPreviewMs\":" + previewMs[m]
                + ",\"warmPreviewCpuMs\":" + previewCpuMs[m] + "}");
    }
}
