package app.arv.imaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Node/Chromium/ffmpeg side of the end-to-end tests (the MindAR runtime, the Khronos glTF validator), prepared
 * by src/test/e2e/setup.sh. Missing pieces skip the test locally but fail it on CI (CI=true), so CI can never pass
 * without running it.
 */
public final class E2eEnvironment {

    public final Path dir;

    private E2eEnvironment(Path dir) {
        this.dir = dir;
    }

    /** Node with the MindAR runtime's npm packages; with {@code needsBrowser}, Chromium, ffmpeg and mind-ar's dist too. */
    public static E2eEnvironment require(boolean needsBrowser) {
        Path dir = directory();
        List<String> missing = new ArrayList<>();
        if (!Files.isDirectory(dir.resolve("node_modules/@msgpack/msgpack"))) {
            missing.add("npm packages (run " + dir.resolve("setup.sh") + ")");
        }
        if (needsBrowser) {
            if (!onPath("chromium") && System.getenv("CHROMIUM") == null) {
                missing.add("chromium (apt-get install chromium)");
            }
            if (!onPath("ffmpeg")) {
                missing.add("ffmpeg (apt-get install ffmpeg)");
            }
            if (!Files.isRegularFile(dir.resolve("vendor/package/dist/mindar-image-three.prod.js"))) {
                missing.add("mind-ar 1.2.5 dist (run " + dir.resolve("setup.sh") + ")");
            }
        }
        return ready(dir, "end-to-end", missing);
    }

    /** Node with the Khronos glTF validator's npm package. */
    public static E2eEnvironment requireGltfValidator() {
        Path dir = directory();
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(dir.resolve("node_modules/gltf-validator/package.json"))) {
            missing.add("npm package gltf-validator (run " + dir.resolve("setup.sh") + ")");
        }
        return ready(dir, "glTF validation", missing);
    }

    private static Path directory() {
        String configured = System.getenv("ARV_IMAGING_E2E_DIR");
        return Path.of(configured != null ? configured : "src/test/e2e").toAbsolutePath();
    }

    /** The environment, once node and what the caller found {@code missing} are there: otherwise a skip (a failure on CI). */
    private static E2eEnvironment ready(Path dir, String purpose, List<String> missing) {
        if (!onPath("node")) {
            missing.add(0, "node");
        }
        if (!missing.isEmpty()) {
            String message = purpose + " prerequisites missing: " + String.join(", ", missing);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " -- CI=true, so this is a failure, not a skip");
            }
            assumeTrue(false, message);
        }
        return new E2eEnvironment(dir);
    }

    /** Runs a Node script of the e2e directory and parses the JSON line it prints last. */
    public JsonNode node(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
        byte[] stdout;
        byte[] stderr;
        try {
            var errFuture = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("node " + String.join(" ", args) + " timed out");
            }
            stderr = errFuture.join();
        } finally {
            process.destroyForcibly();
        }
        String out = new String(stdout, StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0 || out.isEmpty()) {
            throw new IllegalStateException("node " + String.join(" ", args) + " exited " + process.exitValue() + ": "
                    + new String(stderr, StandardCharsets.UTF_8));
        }
        String last = out.substring(out.lastIndexOf('\n') + 1);
        return new ObjectMapper().readTree(last);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
