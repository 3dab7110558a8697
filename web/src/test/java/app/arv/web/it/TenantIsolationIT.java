package app.arv.web.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Another organization's id answers exactly like an id that does not exist: 404, never 403, never data. */
@ExtendWith(ArvServer.class)
class TenantIsolationIT {

    private static Api.Tenant acme;
    private static Api.Tenant globex;

    @BeforeAll
    static void twoTenants() {
        acme = Api.newTenant();
        globex = Api.newTenant();
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() {
        String id = Api.bearer(acme.memberToken()).body(Map.of("name", "Acme secret launch"))
                .post("/projects").then().statusCode(201).extract().path("id");

        Api.bearer(globex.adminToken()).get("/projects/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        Api.bearer(globex.adminKey()).body(Map.of("name", "hijacked")).patch("/projects/" + id).then().statusCode(404);
        Api.bearer(globex.adminKey()).delete("/projects/" + id).then().statusCode(404);

        Api.bearer(acme.memberToken()).get("/projects/" + id).then().statusCode(200).body("name", equalTo("Acme secret launch"));
    }

    @Test
    void anotherOrganizationsProjectsAreNotListed() {
        String id = Api.bearer(acme.userKey()).body(Map.of("name", "Only for Acme"))
                .post("/projects").then().statusCode(201).extract().path("id");

        Api.bearer(globex.userKey()).get("/projects").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void anotherOrganizationsUsersAndKeysAreNotFound() {
        String acmeAdminId = Api.bearer(acme.adminToken()).get("/me").then().extract().path("id");
        String acmeKeyId = Api.bearer(acme.userKey()).get("/me").then().extract().path("id");

        Api.bearer(globex.adminToken()).get("/users/" + acmeAdminId).then().statusCode(404);
        Api.bearer(globex.adminToken()).body(Map.of("role", "MEMBER")).patch("/users/" + acmeAdminId).then().statusCode(404);
        Api.bearer(globex.adminToken()).get("/api-keys/" + acmeKeyId).then().statusCode(404);
        Api.bearer(globex.adminToken()).delete("/api-keys/" + acmeKeyId).then().statusCode(404);

        Api.bearer(acme.userKey()).get("/projects").then().statusCode(200);
    }

    @Test
    void anIdThatIsNotAnIdIsAlsoNotFound() {
        Api.bearer(acme.memberToken()).get("/projects/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
