package app.arv.web.bench;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the end-to-end benchmarks share: a fresh tenant on a started ARV, requests as it, sample images, medians. */
final class BenchClient {

    static final String ADMIN = "bench@arv.test";
    static final String PASSWORD = "bench-password-1";

    private BenchClient() {
    }

    /** A new organization's admin token, opened by the platform admin {@link #ADMIN}. */
    static String tenantToken(String base) {
        String platform = login(base, ADMIN, PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "bench-" + suffix + "@tenant.test";
        as(base, platform).contentType("application/json")
                .body(Map.of("name", "Bench " + suffix, "slug", "bench-" + suffix, "admin", Map.of("email", email, "password", PASSWORD)))
                .post("/organizations").then().statusCode(201);
        return login(base, email, PASSWORD);
    }

    static String login(String base, String email, String password) {
        return RestAssured.given().baseUri(base).basePath("/api/v1").contentType("application/json")
                .body(Map.of("email", email, "password", password)).post("/auth/login")
                .then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification as(String base, String token) {
        return RestAssured.given().baseUri(base).basePath("/api/v1").header("Authorization", "Bearer " + token);
    }

    /** A sample image of the web module's test resources. */
    static byte[] image(String name) {
        try (InputStream in = BenchClient.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static String list(List<Double> values, String format) {
        return values.stream().map(v -> String.format(format, v)).collect(Collectors.joining(", "));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
