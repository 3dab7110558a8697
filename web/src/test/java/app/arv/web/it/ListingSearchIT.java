package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Projects and AR content are searched and filtered by the server, so a listing of any length can be searched. */
@ExtendWith(ArvServer.class)
class ListingSearchIT {

    private static final Duration COMPILING = Duration.ofMinutes(2);

    @Test
    void projectsAreFoundByPartOfTheirNameOrDescriptionInAnyCaseAndOnlyInTheCallersOrganization() {
        Api.Tenant tenant = Api.newTenant();
        project(tenant, "Spring catalogue", null);
        project(tenant, "Posters", "for the SPRING sale");
        project(tenant, "Autumn", null);
        project(Api.newTenant(), "Spring elsewhere", null);

        Api.bearer(tenant.memberToken()).queryParam("q", "spring").get("/projects").then().statusCode(200)
                .body("items.name", contains("Spring catalogue", "Posters")).body("total", equalTo(2));
    }

    @Test
    void aProjectsArContentIsFoundByPartOfItsTitleAndFilteredByMarkerStatus() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        MarkerApi.readyOne(tenant.memberToken(), project, "chelsea.png", COMPILING);
        MarkerApi.readyOne(tenant.memberToken(), project, "astronaut.png", COMPILING);

        Api.bearer(tenant.memberToken()).queryParam("q", "CHELSEA").get("/projects/" + project + "/ar-content").then()
                .statusCode(200).body("items.title", contains("Portrait chelsea.png")).body("total", equalTo(1));
        Api.bearer(tenant.memberToken()).queryParam("marker_status", "ready").get("/projects/" + project + "/ar-content").then()
                .statusCode(200).body("items.title", containsInAnyOrder("Portrait chelsea.png", "Portrait astronaut.png"));
        Api.bearer(tenant.memberToken()).queryParam("marker_status", "failed").get("/projects/" + project + "/ar-content").then()
                .statusCode(200).body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void anUnknownMarkerStatusOrAnOverlongSearchIsRefused() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());

        Api.bearer(tenant.memberToken()).queryParam("marker_status", "done").get("/projects/" + project + "/ar-content").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_filter"));
        Api.bearer(tenant.memberToken()).queryParam("q", "x".repeat(201)).get("/projects").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation_failed"));
    }

    @Test
    void anUnknownGenerationStatusIsAnInvalidFilter() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.memberToken()).queryParam("status", "done").get("/generations").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_filter"));
    }

    @Test
    void aYesNoParameterThatIsNeitherTrueNorFalseIsAnInvalidFilterNotFalse() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).queryParam("unread", "yes").get("/notifications").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_filter"))
                .body("detail", containsString("unread must be true or false"));
        Api.bearer(tenant.memberToken()).queryParam("force", "yes").post("/ar-content/" + UUID.randomUUID() + "/marker/regenerate")
                .then().statusCode(400).body("code", equalTo("invalid_filter"));
        Api.bearer(tenant.memberToken()).queryParam("redirect", "1").get("/media/" + UUID.randomUUID() + "/content")
                .then().statusCode(400).body("code", equalTo("invalid_filter"));
        Api.bearer(tenant.adminToken()).queryParam("unread", "false").get("/notifications").then().statusCode(200);
    }

    @Test
    void aSearchForTextNoPersonTypesIsAnInvalidFieldNotAServerError() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());

        Api.bearer(tenant.memberToken()).queryParam("q", "a\u0000b").get("/projects").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("q")).body("errors[0].message", containsString("U+0000"));
        Api.bearer(tenant.memberToken()).queryParam("q", "\u0000").get("/projects/" + project + "/ar-content").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation_failed"));
    }

    private static void project(Api.Tenant tenant, String name, String description) {
        Map<String, Object> body = description == null ? Map.of("name", name) : Map.of("name", name, "description", description);
        Api.bearer(tenant.adminToken()).body(body).post("/projects").then().statusCode(201);
    }
}
