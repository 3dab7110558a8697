package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A browser front end on a configured origin may call the API and read what it needs of the answers; no other may. */
@ExtendWith(ArvServer.class)
class CorsIT {

    @Test
    void aPreflightFromTheConfiguredOriginAllowsTheApiMethodsAndHeaders() {
        Api.anonymous().header("Origin", ArvServer.CORS_ORIGIN).header("Access-Control-Request-Method", "POST")
                .options("/projects").then().statusCode(204)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", allOf(containsString("Idempotency-Key"), containsString("If-Match")));
    }

    @Test
    void aFrontEndToldToSlowDownCanReadWhenToComeBack() {
        Api.Tenant tenant = Api.newTenant();
        Limits.set(tenant.organizationId(), Map.of("requests_per_minute", 1000, "requests_per_hour", 1));
        Api.bearer(tenant.userKey()).get("/projects").then().statusCode(200);

        Api.bearer(tenant.userKey()).header("Origin", ArvServer.CORS_ORIGIN).get("/projects").then().statusCode(429)
                .header("Access-Control-Allow-Origin", equalTo(ArvServer.CORS_ORIGIN))
                .header("Access-Control-Expose-Headers", allOf(containsString("Retry-After"),
                        containsString("X-RateLimit-Remaining"), containsString("X-RateLimit-Reset")));
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        Api.bearer(Api.newTenant().memberToken()).header("Origin", "https://elsewhere.example").get("/projects").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
    }
}
