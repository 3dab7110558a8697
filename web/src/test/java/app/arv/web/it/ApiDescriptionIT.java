package app.arv.web.it;

import app.arv.web.ApiDescription;
import app.arv.web.ProblemResponses;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document: operations grouped by domain, each with the problems it can answer. */
@ExtendWith(ArvServer.class)
class ApiDescriptionIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "application/problem+json";

    private static JsonPath document;

    @BeforeAll
    static void fetch() {
        document = RestAssured.given().baseUri(ArvServer.baseUrl()).accept("application/json").get("/openapi")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyOperationCarriesOneDomainTag() {
        List<String> untagged = new ArrayList<>();
        operations().forEach((name, operation) -> {
            List<?> tags = (List<?>) operation.get("tags");
            if (tags == null || tags.isEmpty() || !ApiDescription.TAGS.containsAll(tags)) {
                untagged.add(name + " " + tags);
            }
        });

        assertThat(untagged).isEmpty();
    }

    @Test
    void theDocumentListsEveryDomainTag() {
        List<String> tags = document.getList("tags.name");

        assertThat(tags).containsAll(ApiDescription.TAGS).doesNotHaveDuplicates();
    }

    @Test
    void everyOperationDocumentsItsProblemResponses() {
        List<String> undocumented = new ArrayList<>();
        operations().forEach((name, operation) -> {
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            boolean problems = responses != null && responses.entrySet().stream()
                    .anyMatch(e -> e.getKey().toString().matches("[45]\\d\\d") && isProblem((Map<?, ?>) e.getValue()));
            if (!problems) {
                undocumented.add(name);
            }
        });

        assertThat(undocumented).isEmpty();
    }

    @Test
    void successfulAnswersStayDescribed() {
        List<String> withoutSuccess = new ArrayList<>();
        operations().forEach((name, operation) -> {
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            if (responses == null || responses.keySet().stream().noneMatch(code -> code.toString().matches("2\\d\\d|3\\d\\d|default"))) {
                withoutSuccess.add(name);
            }
        });

        assertThat(withoutSuccess).isEmpty();
    }

    @Test
    void authenticatedOperationsDocumentRefusedCredentials() {
        List<String> missing = new ArrayList<>();
        operations().forEach((name, operation) -> {
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            boolean isPublic = name.contains(" /api/v1/viewer/") || name.contains(" /api/v1/auth/");
            if (!isPublic && (responses == null || !responses.containsKey("401") || !responses.containsKey("429"))) {
                missing.add(name);
            }
        });

        assertThat(missing).isEmpty();
    }

    @Test
    void aRangedDownloadDocumentsAnUnsatisfiableRange() {
        Map<String, Object> responses = document.getMap("paths.'/api/v1/media/{id}/content'.get.responses");

        assertThat(responses).containsKeys("404", "416");
    }

    @Test
    void everyProblemKindIsASharedResponseWithTheProblemSchema() {
        for (ProblemResponses.Kind kind : ProblemResponses.Kind.values()) {
            String content = "components.responses." + kind.responseName() + ".content.'" + PROBLEM + "'";

            assertThat(document.getString(content + ".schema.$ref")).isEqualTo("#/components/schemas/Problem");
            assertThat(document.getString(content + ".example.code")).isNotBlank();
        }
        assertThat(document.getMap("components.schemas.Problem.properties")).containsKeys("type", "status", "code", "request_id");
    }

    @Test
    void aListingDocumentsItsPagingAsBoundedWholeNumbersAndItsRefusal() {
        String listing = "paths.'/api/v1/media'.get";
        List<Map<String, Object>> parameters = document.getList(listing + ".parameters");
        Map<String, Object> limit = schemaOf(parameters, "limit");
        Map<String, Object> offset = schemaOf(parameters, "offset");

        assertThat(limit).containsEntry("type", "integer").containsEntry("minimum", 1).containsEntry("maximum", 200);
        assertThat(offset).containsEntry("type", "integer").containsEntry("minimum", 0);
        assertThat(document.getMap(listing + ".responses")).containsKey("400");
    }

    @Test
    void anOperationWithABodyDocumentsTheRefusalOfWhatItCannotDoAndEveryOperationADatabaseOutage() {
        Map<String, Object> addPerson = document.getMap("paths.'/api/v1/users'.post.responses");
        Map<String, Object> signIn = document.getMap("paths.'/api/v1/auth/login'.post.responses");
        Map<String, Object> listProjects = document.getMap("paths.'/api/v1/projects'.get.responses");

        assertThat(addPerson).as("a weak password, control characters").containsKeys("422", "503");
        assertThat(signIn).containsKey("503");
        assertThat(listProjects).containsKey("503").doesNotContainKey("422");
    }

    @Test
    void claimingASingleSignOnDomainDocumentsARefusedDomainAndATakenOne() {
        Map<String, Object> responses = document.getMap("paths.'/api/v1/sso-domains'.put.responses");

        assertThat(responses).containsKeys("200", "409", "422");
    }

    @Test
    void singleSignOnHandsTheConsoleAOneTimeCodeToExchangeNotTokens() {
        String callback = "paths.'/api/v1/auth/oidc/{provider}/callback'.get";
        String handoff = "paths.'/api/v1/auth/oidc/handoff'.post";

        assertThat(document.getString(callback + ".summary")).contains("one-time code").doesNotContain("tokens");
        assertThat(document.getString(handoff + ".responses.default.content.'application/json'.schema.$ref")).endsWith("/TokenView");
        assertThat(document.getMap(handoff + ".responses")).containsKey("400");
        assertThat(document.getString(handoff + ".description")).contains("cookie", "sso_failed");
    }

    @Test
    void approvingADomainClaimIsAnAdminOperationThatDocumentsAMissingClaimAndATakenDomain() {
        String approve = "paths.'/api/v1/sso-domain-claims/{organizationId}/{domain}/approve'.post";

        assertThat(document.getList(approve + ".tags")).containsExactly(ApiDescription.ADMIN);
        assertThat(document.getMap(approve + ".responses")).containsKeys("403", "404", "409");
    }

    @Test
    void stoppingACompileJobDocumentsTheNodeThatStopsItAndANodeThatCannotBeTold() {
        String stop = "paths.'/api/v1/admin/batch/jobs/executions/{executionId}/stop'.post";

        assertThat(document.getMap(stop + ".responses")).containsKeys("202", "404", "409", "503");
        assertThat(document.getString(stop + ".description")).contains("handed_over", "job_node_gone", "node_unreachable");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemaOf(List<Map<String, Object>> parameters, String name) {
        return (Map<String, Object>) parameters.stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow().get("schema");
    }

    /** "METHOD path" of every operation, with its description. */
    private static Map<String, Map<?, ?>> operations() {
        Map<String, Map<?, ?>> operations = new TreeMap<>();
        Map<String, Object> paths = document.getMap("paths");
        paths.forEach((path, item) -> ((Map<?, ?>) item).forEach((method, operation) -> {
            if (METHODS.contains(method.toString())) {
                operations.put(method.toString().toUpperCase() + " " + path, (Map<?, ?>) operation);
            }
        }));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    /** A response with a problem body, itself or through a reference to the shared responses. */
    private static boolean isProblem(Map<?, ?> response) {
        Object ref = response.get("$ref");
        if (ref != null) {
            String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
            response = document.getMap("components.responses." + name);
            if (response == null) {
                return false;
            }
        }
        Map<?, ?> content = (Map<?, ?>) response.get("content");
        return content != null && content.containsKey(PROBLEM);
    }
}
