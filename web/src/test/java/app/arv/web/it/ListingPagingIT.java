package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every listing reads {@code ?limit=&offset=} by one rule: a value that is not a whole number within its bounds is a 400
 * naming the parameter, whether it cannot be read at all or lies out of range. The listings are the GET operations the
 * OpenAPI document says answer a page (items, total, limit, offset), so a listing added later is held to the rule too.
 */
@ExtendWith(ArvServer.class)
class ListingPagingIT {

    /** Values no listing takes, with the parameter each is given to. */
    private static final List<Map.Entry<String, String>> REFUSED = List.of(
            Map.entry("limit", "abc"), Map.entry("limit", "1.5"), Map.entry("limit", ""), Map.entry("limit", "-1"),
            Map.entry("limit", "0"), Map.entry("limit", "201"), Map.entry("limit", "99999999999999999999"),
            Map.entry("offset", "-1"), Map.entry("offset", "abc"), Map.entry("offset", "2147483648"));

    private static Api.Tenant tenant;
    private static List<String> listings;
    /** The listings that refused the tenant's admin (403): asked as the platform admin straight away from then on. */
    private static final Set<String> PLATFORM_ONLY = ConcurrentHashMap.newKeySet();
    /** A real id of the tenant's for each kind of resource a listing hangs under, by the path segment naming the kind. */
    private static Map<String, String> owners;

    @BeforeAll
    static void listingsOfTheDocument() {
        tenant = Api.newTenant();
        String project = Api.bearer(tenant.adminToken()).body(Map.of("name", "paged")).post("/projects").then().statusCode(201)
                .extract().path("id");
        String webhook = Api.bearer(tenant.adminToken()).body(Map.of("url", "http://127.0.0.1:9/paging", "events", List.of("*")))
                .post("/webhooks").then().statusCode(201).extract().path("id");
        owners = Map.of("projects", project, "webhooks", webhook, "organizations", tenant.organizationId().toString());
        JsonPath document = RestAssured.given().baseUri(ArvServer.baseUrl()).accept("application/json").get("/openapi").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        listings = paths.keySet().stream().filter(path -> answersAPage(document, path)).sorted().toList();
    }

    @Test
    void theListingsAreFoundInTheDocument() {
        assertThat(listings).contains("/api/v1/media", "/api/v1/projects", "/api/v1/projects/{projectId}/ar-content",
                "/api/v1/generations", "/api/v1/users", "/api/v1/audit-events", "/api/v1/organizations", "/api/v1/admin/batch/jobs",
                "/api/v1/webhooks/{id}/deliveries").hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void everyListingRefusesUnreadableAndOutOfRangePagingAsABadRequestNamingTheParameter() {
        List<String> wrong = new ArrayList<>();
        for (String listing : listings) {
            for (Map.Entry<String, String> refused : REFUSED) {
                Response answer = asAllowed(listing, Map.of(refused.getKey(), refused.getValue()));
                boolean problem = answer.getContentType().startsWith("application/problem+json");
                if (answer.statusCode() != 400 || !problem || !"validation_failed".equals(answer.path("code"))
                        || !refused.getKey().equals(answer.path("errors[0].field"))) {
                    wrong.add(listing + "?" + refused.getKey() + "=" + refused.getValue() + " answered " + answer.statusCode() + " "
                            + answer.asString());
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void everyListingTakesTheBoundsThemselves() {
        List<String> wrong = new ArrayList<>();
        for (String listing : listings) {
            for (Map<String, String> bounds : List.of(Map.of("limit", "1", "offset", "0"), Map.of("limit", "200", "offset", "2147483647"))) {
                Response answer = asAllowed(listing, bounds);
                if (answer.statusCode() != 200) {
                    wrong.add(listing + " " + bounds + " answered " + answer.statusCode() + " " + answer.asString());
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void aListingEchoesThePageItWasAskedFor() {
        Api.bearer(tenant.memberToken()).queryParam("limit", "7").queryParam("offset", "3").get("/media").then().statusCode(200)
                .body("limit", equalTo(7)).body("offset", equalTo(3));
    }

    @Test
    void aListingThatIsNotPagedRefusesPagingRatherThanIgnoreIt() {
        List<String> wrong = new ArrayList<>();
        for (String unpaged : List.of("/storage-connections", "/me/sessions", "/ar-content/" + UUID.randomUUID() + "/overlays")) {
            for (String parameter : List.of("limit", "offset")) {
                Response answer = Api.bearer(tenant.adminToken()).queryParam(parameter, "1").get(unpaged);
                if (answer.statusCode() != 400 || !"validation_failed".equals(answer.path("code"))
                        || !parameter.equals(answer.path("errors[0].field"))) {
                    wrong.add(unpaged + "?" + parameter + "=1 answered " + answer.statusCode() + " " + answer.asString());
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(listings).doesNotContain("/api/v1/storage-connections", "/api/v1/me/sessions");
    }

    /** Whether the path's GET answers a page: an object with items, total, limit and offset (PageView). */
    private static boolean answersAPage(JsonPath document, String path) {
        String answer = "paths.'" + path + "'.get.responses";
        // The scanner documents a method's own answer as the default response.
        String success = document.getMap(answer + ".'200'") != null ? "'200'" : "default";
        String schema = answer + "." + success + ".content.'application/json'.schema";
        String ref = document.getString(schema + ".$ref");
        Map<String, Object> properties = document.getMap(ref == null
                ? schema + ".properties"
                : "components.schemas.'" + ref.substring(ref.lastIndexOf('/') + 1) + "'.properties");
        return properties != null && properties.keySet().containsAll(List.of("items", "total", "limit", "offset"));
    }

    /**
     * The listing asked with {@code query} by the tenant's admin, or by the platform admin where only they may look (a listing
     * that refused the tenant's admin once is asked by the platform admin alone from then on). An id in
     * the path is the tenant's own resource of the kind the segment before it names ({@link #owners}); a kind not known there
     * gets an id made up, which a listing that looks its owner up answers 404 — add the kind to {@link #owners}.
     */
    private static Response asAllowed(String listing, Map<String, String> query) {
        String[] segments = listing.substring("/api/v1".length()).split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                segments[i] = owners.getOrDefault(segments[i - 1], UUID.randomUUID().toString());
            }
        }
        String path = String.join("/", segments);
        if (!PLATFORM_ONLY.contains(listing)) {
            Response answer = Api.bearer(tenant.adminToken()).queryParams(query).get(path);
            if (answer.statusCode() != 403) {
                return answer;
            }
            PLATFORM_ONLY.add(listing);
        }
        return Api.bearer(Api.reusedPlatformAdminToken()).queryParams(query).get(path);
    }
}
