package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Every refusal speaks RFC 9457, names what was wrong, and never leaks internals. */
@ExtendWith(ArvServer.class)
class ProblemFormatIT {

    @Test
    void invalidFieldsAreListedByTheirJsonNames() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken())
                .body(Map.of("email", "not-an-email", "password", "", "role", "MEMBER"))
                .post("/users").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://arv.app/problems/validation-failed"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("code", equalTo("validation_failed"))
                .body("instance", equalTo("/api/v1/users"))
                .body("errors", hasSize(2))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("password"));
    }

    @Test
    void aProblemNamingNoLimitOrQuotaHasNeitherMember() {
        Api.anonymous().get("/no-such-thing").then().statusCode(404)
                .body("$", not(hasKey("limit"))).body("$", not(hasKey("quota")));
        Api.bearer(Api.newTenant().memberToken()).post("/projects").then().statusCode(400)
                .body("$", not(hasKey("limit"))).body("$", not(hasKey("quota")));
    }

    @Test
    void aMissingBodyIsABadRequestThatSaysSo() {
        Api.bearer(Api.newTenant().memberToken()).post("/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("missing_body"));
    }

    @Test
    void aBodyOfJsonNullIsABadRequest() {
        Api.bearer(Api.newTenant().memberToken()).body("null").post("/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed_body"));
    }

    @Test
    void aBodyOfJsonNullIsABadRequestWhateverTheCaseOfItsMediaType() {
        Api.bearer(Api.newTenant().memberToken()).contentType("Application/json").body("null").post("/projects").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed_body"));
    }

    @Test
    void aJsonBodyPastTheLimitIsRefusedWhateverTheCaseOfItsMediaType() {
        String huge = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";

        Api.bearer(Api.newTenant().memberToken()).contentType("Application/json").body(huge).post("/projects").then()
                .statusCode(413)
                .body("code", equalTo("payload_too_large"));
    }

    @Test
    void anOutOfRangeQueryParameterIsNamed() {
        Api.bearer(Api.newTenant().memberToken()).queryParam("limit", 100000).get("/projects").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void aMemberTheEndpointDoesNotTakeIsRefusedByNameNotDropped() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.memberToken()).body(Map.of("name", "p2", "descripton", "x")).post("/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", equalTo(List.of("descripton")));

        Api.bearer(tenant.memberToken()).get("/projects").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aMemberOfTheWrongTypeIsAFieldErrorNamingIt() {
        Api.bearer(Api.newTenant().adminToken()).body(Map.of("name", "ci", "scope", "owner")).post("/api-keys").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("scope"))
                .body("errors[0].message", containsString("admin"));
    }

    @Test
    void malformedJsonIsABadRequestWithoutParserInternals() {
        Api.bearer(Api.newTenant().memberToken()).body("{\"name\": ").post("/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed_body"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void aDuplicateIsAConflictWithAStableCode() {
        Api.Tenant tenant = Api.newTenant();
        Api.bearer(tenant.memberToken()).body(Map.of("name", "Catalogue")).post("/projects").then().statusCode(201);

        Api.bearer(tenant.memberToken()).body(Map.of("name", "Catalogue")).post("/projects").then().statusCode(409)
                .body("code", equalTo("project_name_taken"));
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        Api.anonymous().get("/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"))
                .body("request_id", notNullValue());
    }

    @Test
    void theLastAdminCannotBeDemoted() {
        Api.Tenant tenant = Api.newTenant();
        String adminId = Api.bearer(tenant.adminToken()).get("/me").then().extract().path("id");

        Api.bearer(tenant.adminToken()).body(Map.of("role", "MEMBER")).patch("/users/" + adminId).then().statusCode(409)
                .body("code", equalTo("last_admin"));
    }
}
