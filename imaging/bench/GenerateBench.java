import app.arv.imaging.model3d.GeneratedModel;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.LocalModelGenerator;
import app.arv.imaging.model3d.TextureQuality;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One benchmark case of the local image-to-3D generator, run by generate-bench.sh in its own JVM:
 *   java -cp imaging/target/arv-mind-cli.jar imaging/bench/GenerateBench.java IMAGE FACE_LIMIT TEXTURE WARM_RUNS
 * Prints one JSON line: the first (cold) generation's wall time, then the median wall and CPU time of WARM_RUNS
 * further generations (the app server's case), the heap's peak use over all of them (garbage included, as the
 * collector let it pile up) and the model's figures.
 */
public class GenerateBench {
    public static void main(String[] args) throws Exception {
        byte[] image = Files.readAllBytes(Path.of(args[0]));
        GenerationOptions options = new GenerationOptions(Integer.parseInt(args[1]), TextureQuality.of(args[2]));
        int warmRuns = Integer.parseInt(args[3]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        LocalModelGenerator generator = new LocalModelGenerator();
        long t0 = System.nanoTime();
        GeneratedModel model = generator.generate(image, options);
        long coldMs = (System.nanoTime() - t0) / 1_000_000;
        long[] wall = new long[warmRuns];
        long[] cpu = new long[warmRuns];
        GeneratedModel last = model;
        for (int i = 0; i < warmRuns; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            GeneratedModel again = generator.generate(image, options);
            wall[i] = (System.nanoTime() - w) / 1_000_000;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1_000_000;
            last = again;
            if (!Arrays.equals(again.glb(), model.glb())) {
                throw new IllegalStateException("not deterministic");
            }
        }
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        var s = last.stats();
        System.out.println("{\"coldMs\":" + coldMs + ",\"warmMs\":" + (warmRuns > 0 ? wall[warmRuns / 2] : -1)
                + ",\"warmCpuMs\":" + (warmRuns > 0 ? cpu[warmRuns / 2] : -1) + ",\"heapPeakMiB\":" + heapPeak / (1024 * 1024)
                + ",\"faces\":" + s.faces() + ",\"vertices\":" + s.vertices() + ",\"watertight\":" + s.watertight()
                + ",\"glbKiB\":" + model.glb().length / 1024 + ",\"texture\":\"" + s.textureWidth() + "x" + s.textureHeight() + "\""
                + ",\"stagesMs\":\"" + s.segmentationMillis() + "/" + s.meshMillis() + "/" + s.simplificationMillis() + "/"
                + s.encodingMillis() + "\"}");
    }
}
