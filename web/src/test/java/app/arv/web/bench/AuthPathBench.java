package app.arv.web.bench;

import app.arv.launcher.ArvStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test: what authenticating costs. In one run, wrk (16 connections) against
 * {@code /health/live} (no application code), {@code GET /api/v1/me} with a JWT and
 * {@code GET /api/v1/projects} with an API key, each twice in turn, best of two, with the ratios to
 * {@code /health/live}; then the median time of a refused login for a known and for an unknown
 * e-mail address at the production bcrypt cost (the two must not differ: that would tell attackers
 * which accounts exist). Run with web/bench/bench.sh auth-path [SECONDS]; {@code -Darv.war=...}
 * picks the WAR, so the same run conditions can measure another build.
 */
public final class AuthPathBench {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final int LOGIN_SAMPLES = 15;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AuthPathBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ArvStack.Builder builder = ArvStack.builder()
                .env("ARV_ADMIN_EMAIL", BenchClient.ADMIN).env("ARV_ADMIN_PASSWORD", BenchClient.PASSWORD)
                // The timing part fails logins on purpose, many times for one account: the throttle must not step in.
                .env("ARV_LOGIN_MAX_FAILURES", "1000000").env("ARV_LOGIN_MAX_FAILURES_PER_ADDRESS", "1000000")
                // The rate limiter stays on (it is part of every authenticated request), with limits the load never reaches.
                .env("ARV_RATE_LIMIT_PER_MINUTE", "1000000000").env("ARV_RATE_LIMIT_PER_HOUR", "1000000000");
        String war = System.getProperty("arv.war");
        if (war != null) {
            builder.war(Path.of(war));
        }
        try (ArvStack arv = builder.build().start()) {
            String base = arv.baseUrl();
            String token = BenchClient.tenantToken(base);
            String key = BenchClient.as(base, token).contentType("application/json")
                    .body(Map.of("name", "bench", "scope", "USER")).post("/api-keys")
                    .then().statusCode(201).extract().path("secret");
            String live = base.replaceFirst("/?$", "") + "/health/live";
            String me = base + "/api/v1/me";
            String projects = base + "/api/v1/projects";

            // Warm-up: class loading, JIT and pools, not timed.
            wrk(live, null, 3);
            wrk(me, token, 3);
            wrk(projects, key, 3);

            double[] best = new double[3];
            for (int round = 0; round < 2; round++) {
                best[0] = Math.max(best[0], wrk(live, null, seconds));
                best[1] = Math.max(best[1], wrk(me, token, seconds));
                best[2] = Math.max(best[2], wrk(projects, key, seconds));
            }
            System.out.printf("/health/live            %8.0f req/s%n", best[0]);
            System.out.printf("GET /me (JWT)           %8.0f req/s  %3.0f %%%n", best[1], 100 * best[1] / best[0]);
            System.out.printf("GET /projects (API key) %8.0f req/s  %3.0f %%%n", best[2], 100 * best[2] / best[0]);

            loginTiming(base);
        }
    }

    /** Requests per second of wrk with 16 connections for {@code seconds}. */
    private static double wrk(String url, String bearer, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + seconds + "s"));
        if (bearer != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + bearer));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher matcher = REQUESTS_PER_SECOND.matcher(output);
        if (!matcher.find() || output.contains("Non-2xx")) {
            throw new IllegalStateException("wrk against " + url + " failed:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** Median milliseconds of a wrong password for an existing account and for made-up addresses, interleaved. */
    private static void loginTiming(String base) throws IOException, InterruptedException {
        List<Double> known = new ArrayList<>();
        List<Double> unknown = new ArrayList<>();
        for (int i = 0; i < LOGIN_SAMPLES + 2; i++) {
            double k = refusedLoginMillis(base, BenchClient.ADMIN);
            double u = refusedLoginMillis(base, "nobody-" + UUID.randomUUID() + "@tenant.test");
            if (i >= 2) {
                known.add(k);
                unknown.add(u);
            }
        }
        System.out.printf("refused login, known e-mail    median %6.1f ms  (%s)%n", BenchClient.median(known), BenchClient.list(known, "%.0f"));
        System.out.printf("refused login, unknown e-mail  median %6.1f ms  (%s)%n", BenchClient.median(unknown), BenchClient.list(unknown, "%.0f"));
    }

    private static double refusedLoginMillis(String base, String email) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"wrong-password-42\"}"))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 401) {
            throw new IllegalStateException("A wrong password answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }
}
