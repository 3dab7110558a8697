package app.arv.web.bench;

import app.arv.launcher.ArvStack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test: one request of 25 distinct 10 MB JPEGs through POST /api/v1/media into the
 * platform's local store, against a plain copy of the same bytes to the same disk in the same run,
 * with ARV's heap sampled from its metrics while the request runs. Run with web/bench/bench.sh upload.
 */
public final class UploadBench {

    private static final int FILES = 25;
    private static final int FILE_BYTES = 10_000_000;
    private static final String ADMIN = "bench@arv.test";
    private static final String PASSWORD = "bench-password-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private UploadBench() {
    }

    public static void main(String[] args) throws Exception {
        try (ArvStack arv = ArvStack.builder().env("ARV_ADMIN_EMAIL", ADMIN).env("ARV_ADMIN_PASSWORD", PASSWORD)
                .env("ARV_PASSWORD_BCRYPT_COST", "4")
                // Throughput of the work, not of the client: one key sends more than a client's limits allow.
                .env("ARV_RATE_LIMIT_ENABLED", "false").build().start()) {
            String base = arv.baseUrl();
            Path inputs = Files.createDirectories(arv.dataDir().resolve("bench-input"));
            List<Path> files = distinctJpegs(inputs);
            String token = tenantAdminToken(base);

            // Warm-up: one small upload so first-request class loading is not timed.
            post(base, token, List.of(files.get(0)), "warm-up.jpg");

            double copySeconds = copyBaseline(files, arv.dataDir().resolve("bench-copy"));
            run(List.of("sync"));
            HeapSampler heap = new HeapSampler(base);
            heap.start();
            long start = System.nanoTime();
            String status = curlUpload(base, token, files.subList(1, files.size()));
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            heap.stop();
            if (!status.strip().endsWith("201")) {
                throw new IllegalStateException("Upload failed: " + status);
            }
            double megabytes = (double) (FILES - 1) * FILE_BYTES / 1e6;
            System.out.printf("%nfiles: %d x %.1f MB (one request; plus one warm-up file before)%n", FILES - 1, FILE_BYTES / 1e6);
            System.out.printf("ARV upload  : %6.2f s  %7.1f MB/s  (curl multipart -> spool -> validate/thumbnails -> store)%n",
                    uploadSeconds, megabytes / uploadSeconds);
            System.out.printf("plain copy  : %6.2f s  %7.1f MB/s  (cp of the same %d files to the same disk, page cache like ARV's writes)%n",
                    copySeconds * (FILES - 1) / FILES, megabytes / (copySeconds * (FILES - 1) / FILES), FILES - 1);
            System.out.printf("heap used   : before %d MiB, peak %d MiB during the upload (-Xmx1g, SerialGC; %d samples)%n",
                    heap.first.get() >> 20, heap.peak.get() >> 20, heap.samples.get());
            System.out.println(run(List.of("jcmd", Long.toString(arv.payaraPid()), "GC.heap_info")));
        }
    }

    /** A real JPEG followed by random bytes up to 10 MB: decodes as the image, and no two files are alike. */
    private static List<Path> distinctJpegs(Path dir) throws IOException {
        byte[] jpeg;
        try (InputStream in = UploadBench.class.getResourceAsStream("/images/rocket.jpg")) {
            jpeg = in.readAllBytes();
        }
        List<Path> files = new ArrayList<>();
        byte[] bytes = new byte[FILE_BYTES];
        for (int i = 0; i < FILES; i++) {
            System.arraycopy(jpeg, 0, bytes, 0, jpeg.length);
            Random random = new Random(i);
            byte[] padding = new byte[FILE_BYTES - jpeg.length];
            random.nextBytes(padding);
            System.arraycopy(padding, 0, bytes, jpeg.length, padding.length);
            files.add(Files.write(dir.resolve("bench-" + i + ".jpg"), bytes));
        }
        return files;
    }

    private static double copyBaseline(List<Path> files, Path target) throws IOException, InterruptedException {
        Files.createDirectories(target);
        run(List.of("sync"));
        List<String> command = new ArrayList<>(List.of("cp"));
        files.forEach(file -> command.add(file.toString()));
        command.add(target.toString());
        long start = System.nanoTime();
        run(command);
        return (System.nanoTime() - start) / 1e9;
    }

    private static HttpResponse<String> post(String base, String token, List<Path> files, String name) throws Exception {
        String boundary = "bench-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (Path file : files) {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + (name != null ? name : file.getFileName()) + "\"\r\nContent-Type: image/jpeg\r\n\r\n"));
            parts.add(HttpRequest.BodyPublishers.ofFile(file));
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/media"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The timed request goes through curl: the JDK client's file publishers feed the socket slowly
     * enough on a busy machine that ARV mostly waited for bytes (seen in thread dumps).
     */
    private static String curlUpload(String base, String token, List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                "-H", "Authorization: Bearer " + token));
        for (Path file : files) {
            command.add("-F");
            command.add("files=@" + file + ";type=image/jpeg");
        }
        command.add(base + "/api/v1/media");
        return run(command);
    }

    private static String tenantAdminToken(String base) throws Exception {
        String platform = login(base, ADMIN, PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "bench-" + suffix + "@tenant.test";
        json(base, "/organizations", platform, "{\"name\":\"Bench " + suffix + "\",\"slug\":\"bench-" + suffix
                + "\",\"admin\":{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}}");
        return login(base, email, PASSWORD);
    }

    private static String login(String base, String email, String password) throws Exception {
        String body = json(base, "/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No token in " + body);
        }
        return m.group(1);
    }

    private static String json(String base, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    /** Polls the MicroProfile base metric for used heap; the peak is an upper bound of what the upload kept alive. */
    private static final class HeapSampler {
        private static final Pattern USED = Pattern.compile("(?m)^memory_usedHeap_bytes(?:\\{[^}]*})?\\s+([0-9.E+]+)");
        private final String base;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong first = new AtomicLong(-1);
        private final AtomicLong samples = new AtomicLong();
        private Thread thread;

        HeapSampler(String base) {
            this.base = base;
        }

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics?scope=base")).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        Matcher m = USED.matcher(metrics);
                        if (m.find()) {
                            long used = (long) Double.parseDouble(m.group(1));
                            first.compareAndSet(-1, used);
                            peak.accumulateAndGet(used, Math::max);
                            samples.incrementAndGet();
                        }
                        Thread.sleep(50);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
