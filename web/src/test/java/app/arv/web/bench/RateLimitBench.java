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
 * both alike, and in two phases with the roles of the processes swapped, so a faster process favours
 * neither. Prints requests/s of each and the ratio (target: the limiter costs at most 10 %).
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
        // Two ARV processes never run equally fast on a shared machine: each phase measures one of them with the
        // limiter and the other without, and the second phase swaps the roles, so the process bias cancels out.
        double[] first = phase(true);
        double[] second = phase(false);
        double onMedian = Math.sqrt(first[0] * second[0]);
        double offMedian = Math.sqrt(first[1] * second[1]);
        System.out.printf("%nGET /api/v1/projects with an API key, wrk 16 connections, %s rounds, %d CPUs%n",
                DURATION, Runtime.getRuntime().availableProcessors());
        System.out.printf("phase 1 (limiter on the first process):  on %.0f / off %.0f req/s = %.3f%n", first[0], first[1], first[0] / first[1]);
        System.out.printf("phase 2 (limiter on the second process): on %.0f / off %.0f req/s = %.3f%n", second[0], second[1], second[0] / second[1]);
        System.out.printf("both phases (geometric mean): on %.0f / off %.0f req/s, ratio %.3f (overhead %.1f %%)%n",
                onMedian, offMedian, onMedian / offMedian, 100 * (1 - onMedian / offMedian));
    }

    /** @return median req/s with the limiter, then without */
    private static double[] phase(boolean limiterOnFirst) {
        try (ArvStack first = configure(ArvStack.builder(), limiterOnFirst).env("ARV_ADMIN_EMAIL", BenchClient.ADMIN)
                .env("ARV_ADMIN_PASSWORD", BenchClient.PASSWORD).env("ARV_PASSWORD_BCRYPT_COST", "4")
                .build().start();
                ArvStack second = configure(ArvStack.builder(), !limiterOnFirst).env("ARV_ADMIN_EMAIL", BenchClient.ADMIN)
                        .env("ARV_ADMIN_PASSWORD", BenchClient.PASSWORD)
                        .outsideEnvironment(Map.of("DATABASE_URL", first.jdbcUrl(), "DATABASE_USER", first.databaseUser(),
                                "DATABASE_PASSWORD", first.databasePassword(), "REDIS_URL", first.redisUrl(),
                                "ARTEMIS_URL", first.artemisUrl()))
                        .build().start()) {
            ArvStack limited = limiterOnFirst ? first : second;
            ArvStack unlimited = limiterOnFirst ? second : first;
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
            System.out.printf("limiter on : median %.0f req/s  (rounds: %s)%n", median(withLimiter), list(withLimiter, "%.0f"));
            System.out.printf("limiter off: median %.0f req/s  (rounds: %s)%n", median(without), list(without, "%.0f"));
            return new double[]{median(withLimiter), median(without)};
        }
    }

    private static ArvStack.Builder configure(ArvStack.Builder node, boolean limiter) {
        return limiter
                ? node.env("ARV_RATE_LIMIT_PER_MINUTE", "1000000000").env("ARV_RATE_LIMIT_PER_HOUR", "1000000000")
                : node.env("ARV_RATE_LIMIT_ENABLED", "false");
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
