import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.raster.GreyImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Steady-state cost of compiling one image in a long-running JVM (the app server's case): process CPU time
 * and wall time per compile, averaged over ROUNDS compiles after WARMUP ones.
 * usage: java -cp arv-mind-cli.jar WarmCompile.java IMAGE [WARMUP ROUNDS]
 */
public class WarmCompile {
    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        GreyImage image = new ImageLoader(8192).load(Files.readAllBytes(Path.of(args[0])));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        MindTargetCompiler compiler = new MindTargetCompiler();
        for (int i = 0; i < warmup; i++) {
            compiler.compileToMind(List.of(image));
        }
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            compiler.compileToMind(List.of(image));
        }
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / rounds;
        double wallMs = (System.nanoTime() - wall0) / 1e6 / rounds;
        System.out.printf("{\"cpuMs\":%.1f,\"wallMs\":%.1f}%n", cpuMs, wallMs);
    }
}
