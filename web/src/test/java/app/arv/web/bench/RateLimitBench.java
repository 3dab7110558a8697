package app.arv.web.bench;

import app.arv.launcher.ArvStack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.arv.web.bench.BenchClient.as;
import static app.arv.web.bench.BenchClient.list;
import static app.arv.web.bench.BenchClient.median;
import static app.arv.web.bench.BenchClient.tenantToken;

/**
 * What the rate limiter costs an authenticated read: {@code GET /api/v1/projects} with an API key,
 * driven by {@code wrk} (16 connections), against two ARV processes on the same services in the same
 * run — one with the limiter on (limits far above the load, so every request is counted and allowed),
 * one with {@code ARV_RATE_LIMIT_ENABLED=false} — in alternating rounds, so drift of the machine hits
 * both alike. Prints requests/s of each and the ratio (target: the limiter costs at most 10 %).
 */
public final class RateLimitBench {

    private static final int ROUNDS = 5;
    /** JIT and pools warm up over tens of thousands of requests: unmeasured rounds first, alternating too. */
    private static final int WARM_UP_ROUNDS = 3;
    private static final String DURATION = "10s";
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private RateLimitBench() {
    }

    public static void main(String[] args) {
        try (ArvStack limited = ArvStack.builder().env("ARV_ADMIN_EMAIL", BenchClient.ADMIN)
                .env("ARV_ADMIN_PASSWORD", BenchClient.PASSWORD).env("ARV_PASSWORD_BCRYPT_COST", "4")
                .env("ARV_RATE_LIMIT_PER_MINUTE", "1000000000").env("ARV_RATE_LIMIT_PER_HOUR", "1000000000")
                .build().start();
             ArvStack unlimited = ArvStack.builder().env("ARV_ADMIN_EMAIL", BenchClient.ADMIN)
                     .env("ARV_ADMIN_PASSWORD", BenchClient.PASSWORD).env("ARV_RATE_LIMIT_ENABLED", "false")
                     .outsideEnvironment(Map.of("DATABASE_URL", limited.jdbcUrl(), "DATABASE_USER", limited.databaseUser(),
                             "DATABASE_PASSWORD", limited.databasePassword(), "REDIS_URL", limited.redisUrl(),
                             "ARTEMIS_URL", limited.artemisUrl()))
                     .build().start()) {
            String admin = tenantToken(limited.baseUrl());
            String key = as(limited.baseUrl(), admin).contentType("application/json")
                    .body(Map.of("name", "bench", "scope", "USER")).post("/api-keys").then().statusCode(201).extract().path("secret");
            as(limited.baseUrl(), admin).contentType("application/json").body(Map.of("name", "Bench project"))
                    .post("/projects").then().statusCode(201);
            String on = limited.baseUrl() + "/api/v1/projects";
            String off = unlimited.baseUrl() + "/api/v1/projects";
            // The limiter really counts on one and not on the other.
            as(limited.baseUrl(), key).get("/projects").then().statusCode(200).header("X-RateLimit-Limit", "1000000000");
            as(unlimited.baseUrl(), key).get("/projects").then().statusCode(200)
                    .header("X-RateLimit-Limit", org.hamcrest.Matchers.nullValue());
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                wrk("warm-up limiter on ", on, key);
                wrk("warm-up limiter off", off, key);
            }
            List<Double> withLimiter = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                withLimiter.add(wrk("limiter on  round " + round, on, key));
                without.add(wrk("limiter off round " + round, off, key));
            }
            double onMedian = median(withLimiter);
            double offMedian = median(without);
            System.out.printf("%nGET /api/v1/projects with an API key, wrk 16 connections, %s rounds, %d CPUs%n",
                    DURATION, Runtime.getRuntime().availableProcessors());
            System.out.printf("limiter on : median %.0f req/s  (rounds: %s)%n", onMedian, list(withLimiter, "%.0f"));
            System.out.printf("limiter off: median %.0f req/s  (rounds: %s)%n", offMedian, list(without, "%.0f"));
            System.out.printf("ratio on / off: %.3f  (overhead %.1f %%)%n", onMedian / offMedian, 100 * (1 - onMedian / offMedian));
        }
    }

    /** One wrk run; answers requests/s, and refuses to count a run with failed requests. */
    private static double wrk(String label, String url, String key) {
        try {
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + DURATION, "-H", "Authorization: Bearer " + key, url)
                    .redirectErrorStream(true).start();
            String output;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
                output = String.join("\n", in.lines().toList());
            }
            wrk.waitFor();
            Matcher rate = REQUESTS_PER_SECOND.matcher(output);
            if (!rate.find()) {
                throw new IllegalStateException("wrk said:\n" + output);
            }
            Matcher failed = NON_2XX.matcher(output);
            if (failed.find()) {
                throw new IllegalStateException(label + ": " + failed.group(1) + " requests were not answered 200:\n" + output);
            }
            double perSecond = Double.parseDouble(rate.group(1));
            System.out.printf("%-22s %7.0f req/s%n", label, perSecond);
            return perSecond;
        } catch (IOException e) {
            throw new UncheckedIOException("Is wrk installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
