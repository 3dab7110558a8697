package app.arv.web.it;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

/**
 * Each kind of caller against each endpoint family: what it may do and what it is refused.
 * Refusals differ on purpose: 401 for no identity, 403 for an identity without the role.
 */
@ExtendWith(ArvServer.class)
class AuthorizationIT {

    private static Api.Tenant tenant;
    private static Map<String, String> tokens;
    private static Map<String, String> ids;

    @BeforeAll
    static void callers() {
        tenant = Api.newTenant();
        tokens = Map.of(
                "platform-admin", Api.platformAdminToken(),
                "org-admin", tenant.adminToken(),
                "member", tenant.memberToken(),
                "admin-key", tenant.adminKey(),
                "user-key", tenant.userKey());
        String member = Api.bearer(tenant.memberToken()).get("/me").then().extract().path("id");
        String key = Api.bearer(tenant.userKey()).get("/me").then().extract().path("id");
        String project = Api.bearer(tenant.memberToken()).body(Map.of("name", "Guarded"))
                .post("/projects").then().statusCode(201).extract().path("id");
        ids = Map.of("{member}", member, "{key}", key, "{project}", project,
                "{organization}", tenant.organizationId().toString());
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "anonymous,      /me,            401",
            "member,         /me,            200",
            "user-key,       /me,            200",
            "anonymous,      /organizations, 401",
            "member,         /organizations, 403",
            "org-admin,      /organizations, 403",
            "admin-key,      /organizations, 403",
            "platform-admin, /organizations, 200",
            "anonymous,      /users,         401",
            "member,         /users,         403",
            "user-key,       /users,         403",
            "org-admin,      /users,         200",
            "admin-key,      /users,         200",
            "member,         /api-keys,      403",
            "user-key,       /api-keys,      403",
            "org-admin,      /api-keys,      200",
            "admin-key,      /api-keys,      200",
            "anonymous,      /projects,      401",
            "member,         /projects,      200",
            "user-key,       /projects,      200",
            "org-admin,      /projects,      200",
            "admin-key,      /projects,      200",
            "anonymous,      /admin/storage/dead-letters, 401",
            "member,         /admin/storage/dead-letters, 403",
            "user-key,       /admin/storage/dead-letters, 403",
            "org-admin,      /admin/storage/dead-letters, 200",
            "admin-key,      /admin/storage/dead-letters, 200",
            "member,         /admin/storage/deletions,    403",
            "user-key,       /admin/storage/deletions,    403",
            "org-admin,      /admin/storage/deletions,    200",
            "platform-admin, /admin/storage/deletions,    200",
            "member,         /admin/mail/dead,            403",
            "user-key,       /admin/mail/dead,            403",
            "org-admin,      /admin/mail/dead,            200",
    })
    void readAccess(String caller, String path, int expected) {
        request(caller).get(path).then().statusCode(expected);
    }

    @ParameterizedTest(name = "{0} POST {1} -> {2}")
    @CsvSource({
            "member,         /projects,      201",
            "user-key,       /projects,      201",
            "anonymous,      /projects,      401",
            "member,         /api-keys,      403",
            "user-key,       /api-keys,      403",
            "admin-key,      /api-keys,      201",
            "member,         /organizations, 403",
            "admin-key,      /organizations, 403",
    })
    void writeAccess(String caller, String path, int expected) {
        String unique = Long.toString(System.nanoTime(), 36);
        Map<String, Object> body = switch (path.trim()) {
            case "/projects" -> Map.of("name", "Project " + unique);
            case "/api-keys" -> Map.of("name", "Key " + unique);
            default -> Map.of("name", "Org " + unique, "slug", "org-" + unique);
        };
        request(caller).body(body).post(path).then().statusCode(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "member,         GET,    /users/{member},                403",
            "user-key,       PATCH,  /users/{member},                403",
            "org-admin,      GET,    /users/{member},                200",
            "admin-key,      PATCH,  /users/{member},                200",
            "member,         GET,    /api-keys/{key},                403",
            "user-key,       DELETE, /api-keys/{key},                403",
            "org-admin,      GET,    /api-keys/{key},                200",
            "org-admin,      GET,    /organizations/{organization},  403",
            "admin-key,      PATCH,  /organizations/{organization},  403",
            "platform-admin, GET,    /organizations/{organization},  200",
            "anonymous,      GET,    /projects/{project},            401",
            "user-key,       GET,    /projects/{project},            200",
            "member,         PATCH,  /projects/{project},            200",
            "anonymous,      DELETE, /projects/{project},            401",
    })
    void itemAccess(String caller, String method, String path, int expected) {
        String concrete = ids.entrySet().stream().reduce(path.trim(), (p, e) -> p.replace(e.getKey(), e.getValue()), (a, b) -> a);
        var request = request(caller);
        if (!"GET".equals(method.trim()) && !"DELETE".equals(method.trim())) {
            request = request.body(concrete.startsWith("/users")
                    ? Map.of("role", "MEMBER")
                    : concrete.startsWith("/organizations") ? Map.of("name", "Renamed") : Map.of("description", "changed"));
        }
        request.request(method.trim(), concrete).then().statusCode(expected);
    }

    private static RequestSpecification request(String caller) {
        return "anonymous".equals(caller) ? Api.anonymous() : Api.bearer(tokens.get(caller));
    }
}
