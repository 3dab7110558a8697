package app.arv.web.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium with a fake camera, through the Node scripts of web/src/test/e2e and the packages
 * imaging/src/test/e2e/setup.sh installed (named by the system property {@code arv.e2e.dir} or the
 * environment variable ARV_IMAGING_E2E_DIR). Missing pieces skip the test locally but fail it on CI
 * (CI=true), as in the imaging module, so CI can never pass without running it.
 */
final class BrowserE2e {

    private final Path e2eDir;
    private final Path scripts;

    private BrowserE2e(Path e2eDir, Path scripts) {
        this.e2eDir = e2eDir;
        this.scripts = scripts;
    }

    static BrowserE2e require() {
        String configured = System.getenv("ARV_IMAGING_E2E_DIR");
        if (configured == null) {
            configured = System.getProperty("arv.e2e.dir", "../imaging/src/test/e2e");
        }
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("node", "ffmpeg", "ffprobe")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (!onPath("chromium") && System.getenv("CHROMIUM") == null) {
            missing.add("chromium (apt-get install chromium)");
        }
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))
                || !Files.isRegularFile(dir.resolve("vendor/package/dist/mindar-image-three.prod.js"))) {
            missing.add("playwright-core and mind-ar (run " + dir.resolve("setup.sh") + ")");
        }
        if (!missing.isEmpty()) {
            String message = "browser end-to-end prerequisites missing: " + String.join(", ", missing);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " -- CI=true, so this is a failure, not a skip");
            }
            assumeTrue(false, message);
        }
        return new BrowserE2e(dir, Path.of("src/test/e2e").toAbsolutePath());
    }

    /** imaging's track.mjs: does the real MindAR runtime find target 0 of {@code mind} in a camera showing {@code image}? */
    String track(Path image, Path mind) throws IOException, InterruptedException {
        return node(e2eDir, 120, "track.mjs", image.toString(), mind.toString(), "--timeout", "40");
    }

    /** imaging's validate-gltf.mjs: the Khronos glTF Validator's report of each file, as one JSON line. */
    String validateGltf(List<Path> glbs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("validate-gltf.mjs"));
        glbs.forEach(glb -> args.add(glb.toString()));
        return node(e2eDir, 300, args.toArray(String[]::new));
    }

    /** web's viewer.mjs: opens the viewer page with the camera showing {@code image}; answers the page's state as JSON. */
    String viewer(String pageUrl, Path image, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(scripts.resolve("viewer.mjs").toString(), e2eDir.toString(), pageUrl,
                image.toString(), "--timeout", "90"));
        args.addAll(List.of(options));
        return node(scripts, 150, args.toArray(String[]::new));
    }

    /** web's swagger.mjs: opens Swagger UI; answers how many operations it rendered and any CSP violations, as JSON. */
    String swagger(String pageUrl) throws IOException, InterruptedException {
        return node(scripts, 120, scripts.resolve("swagger.mjs").toString(), e2eDir.toString(), pageUrl, "--timeout", "60");
    }

    private static String node(Path workDir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        try {
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process));
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("node " + String.join(" ", args) + " timed out");
            }
            String stdout = new String(out, StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0 || stdout.isEmpty()) {
                throw new IllegalStateException("node " + String.join(" ", args) + " exited " + process.exitValue() + ": "
                        + new String(err.join(), StandardCharsets.UTF_8));
            }
            String[] lines = stdout.split("\n");
            return lines[lines.length - 1];
        } finally {
            process.destroyForcibly();
        }
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getErrorStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
