package app.arv.web.it;

import app.arv.web.ApiDescription;
import app.arv.web.EventTypeNames;
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
import java.util.UUID;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
    void theNotificationListingNamesTheEventTypesFromTheEnumNotAPlaceholder() {
        String described = document.getString("paths.'/api/v1/notifications'.get.description");

        assertThat(described).isEqualTo(EventTypeNames.fill(described)).contains("marker.ready", "webhook.disabled");
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
    void whatReadsOrWritesTheOrganizationsStoreDocumentsAMisconfiguredStoreAndNothingElseDoes() {
        Map<String, Object> upload = document.getMap("paths.'/api/v1/media'.post.responses");
        Map<String, Object> viewerMarker = document.getMap("paths.'/api/v1/viewer/{uniqueId}/marker.mind'.get.responses");
        Map<String, Object> viewerManifest = document.getMap("paths.'/api/v1/viewer/{uniqueId}/manifest'.get.responses");
        Map<String, Object> listProjects = document.getMap("paths.'/api/v1/projects'.get.responses");
        Map<String, Object> storeUsage = document.getMap("paths.'/api/v1/storage-connections/{id}/stats'.get.responses");
        Map<String, Object> storeProbe = document.getMap("paths.'/api/v1/storage-connections/{id}/test'.post.responses");

        assertThat(upload).containsKey("502");
        assertThat(viewerMarker).containsKey("502");
        assertThat(storeUsage).containsKey("502");
        assertThat(storeProbe).containsKey("502");
        assertThat(viewerManifest).as("the database alone").doesNotContainKey("502");
        assertThat(listProjects).doesNotContainKey("502");
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
        assertThat(document.getString(handoff + ".responses.'200'.content.'application/json'.schema.$ref")).endsWith("/TokenView");
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

    @Test
    void noSchemaNamesAPropertyOtherwiseThanTheSnakeCaseTheAnswersUse() {
        List<String> camelCase = new ArrayList<>();
        everySchema((where, schema) -> {
            Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
            if (properties != null) {
                properties.keySet().stream().filter(name -> !name.toString().matches("[a-z0-9_]+")).forEach(name -> camelCase.add(where + "." + name));
            }
        });

        assertThat(camelCase).isEmpty();
        assertThat(document.getMap("components.schemas.TokenView.properties")).containsKeys("access_token", "refresh_token_expires_at");
        assertThat(document.getList("components.schemas.QuotaChange.required", String.class)).allMatch(n -> n.matches("[a-z0-9_]+"));
    }

    @Test
    void idsAndInstantsAreTypedTextAndEnumsNameTheirWireValues() {
        assertThat(document.getMap("components.schemas.ProjectView.properties.id")).containsEntry("type", "string").containsEntry("format", "uuid");
        assertThat(document.getMap("components.schemas.ProjectView.properties.created_at")).containsEntry("type", "string")
                .containsEntry("format", "date-time");
        assertThat(document.getList("components.schemas.GenerationView.properties.status.enum")).contains("queued", "completed");
        List<Map<String, Object>> parameters = document.getList("paths.'/api/v1/projects/{id}'.get.parameters");
        assertThat(schemaOf(parameters, "id")).containsEntry("type", "string").containsEntry("format", "uuid");
        List<String> untyped = new ArrayList<>();
        operations().forEach((name, operation) -> {
            List<?> inputs = (List<?>) operation.get("parameters");
            if (inputs != null) {
                inputs.stream().map(Map.class::cast).filter(p -> "path".equals(p.get("in")) && "object".equals(((Map<?, ?>) p.get("schema")).get("type")))
                        .forEach(p -> untyped.add(name + " " + p.get("name")));
            }
        });
        assertThat(untyped).isEmpty();
    }

    @Test
    void aListingSaysTheSchemaOfItsItems() {
        String page = document.getString("paths.'/api/v1/projects'.get.responses.'200'.content.'application/json'.schema.$ref");

        assertThat(page).isNotNull();
        assertThat(document.getString("components.schemas." + page.substring(page.lastIndexOf('/') + 1) + ".properties.items.items.$ref"))
                .isEqualTo("#/components/schemas/ProjectView");
    }

    @Test
    void aWholeListSaysTheSchemaOfItsItems() {
        String list = document.getString(
                "paths.'/api/v1/storage-connections'.get.responses.'200'.content.'application/json'.schema.$ref");

        assertThat(list).isEqualTo("#/components/schemas/StorageConnectionViewList");
        assertThat(document.getString("components.schemas.StorageConnectionViewList.properties.items.items.$ref"))
                .isEqualTo("#/components/schemas/StorageConnectionView");
        assertThat(document.getList("components.schemas.StorageConnectionViewList.required")).containsExactly("items");
    }

    @Test
    void everyOperationHasItsOwnOperationId() {
        Map<String, List<String>> byId = new TreeMap<>();
        operations().forEach((name, operation) -> byId.computeIfAbsent(String.valueOf(operation.get("operationId")), id -> new ArrayList<>()).add(name));

        assertThat(byId).doesNotContainKey("null");
        assertThat(byId.values()).allMatch(names -> names.size() == 1, "one operation per id");
    }

    @Test
    void pathTemplatesNameTheirParametersWithoutTheServersPatterns() {
        Map<String, Object> paths = document.getMap("paths");

        assertThat(paths.keySet()).noneMatch(path -> path.matches(".*\\{[^}]*[^\\w{}][^}]*}.*"));
        assertThat(paths).containsKey("/api/v1/ar-content/{id}/qr.{format}");
    }

    @Test
    void theServerIsTheAddressTheDocumentCameFromAndTheDocumentHoldsOnlyOpenApiKeys() {
        assertThat(document.getList("servers.url")).containsExactly("/");
        assertThat(document.getMap("")).doesNotContainKey("endpoints");
        assertThat(document.getMap("").keySet()).isSubsetOf("openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs");
    }

    @Test
    void publicOperationsNeedNoCredentials() {
        for (String operation : List.of("'/api/v1/auth/login'.post", "'/api/v1/auth/refresh'.post", "'/api/v1/auth/password-reset'.post",
                "'/api/v1/auth/signup'.post", "'/api/v1/auth/invitations/accept'.post", "'/api/v1/auth/oidc/{provider}/start'.get",
                "'/api/v1/viewer/{uniqueId}/manifest'.get")) {
            List<Map<String, Object>> security = document.getList("paths." + operation + ".security");
            assertThat(security).as(operation).isNotEmpty().allMatch(Map::isEmpty, "a requirement naming no credentials");
        }
        assertThat(document.getMap("paths.'/api/v1/projects'.get")).doesNotContainKey("security");
    }

    @Test
    void aSuccessHasItsStatusAndADeletionNoBody() {
        Map<String, Object> delete = document.getMap("paths.'/api/v1/projects/{id}'.delete.responses");
        Map<String, Object> get = document.getMap("paths.'/api/v1/projects/{id}'.get.responses");
        Map<String, Object> create = document.getMap("paths.'/api/v1/projects'.post.responses");

        assertThat(delete).containsKey("204").doesNotContainKey("default");
        assertThat(document.getMap("paths.'/api/v1/projects/{id}'.delete.responses.'204'")).doesNotContainKey("content");
        assertThat(get).containsKey("200").doesNotContainKey("default");
        assertThat(create).containsKey("201").doesNotContainKey("default");
        assertThat(document.getMap("paths.'/api/v1/projects'.post.responses.'201'.headers")).containsKey("Location");
    }

    @Test
    void inputsReadOutsideTheMethodsParametersAreDocumented() {
        assertThat(names("paths.'/api/v1/projects'.get")).contains("q", "limit", "offset");
        assertThat(names("paths.'/api/v1/projects/{projectId}/ar-content'.get")).contains("q", "marker_status");
        assertThat(names("paths.'/api/v1/audit-events'.get")).contains("action", "actor", "subject", "from", "to");
        assertThat(names("paths.'/api/v1/ar-content/{id}/print-kit.pdf'.get")).contains("size", "bleed", "lang");
        assertThat(names("paths.'/api/v1/ar-content/{id}/qr.{format}'.get")).contains("size", "format");
        assertThat(names("paths.'/api/v1/ar-content/{id}'.patch")).contains("If-Match");
        assertThat(names("paths.'/api/v1/api-keys'.post")).contains("Idempotency-Key");
    }

    @Test
    void realAnswersHaveExactlyThePropertiesTheirSchemasName() {
        Api.Tenant tenant = Api.newTenant();
        Map<String, Object> token = Api.anonymous().body(Map.of("email", tenant.adminEmail(), "password", tenant.password()))
                .post("/auth/login").then().statusCode(200).extract().jsonPath().getMap("");
        String id = Api.bearer(tenant.memberToken()).body(Map.of("name", "described")).post("/projects").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> project = Api.bearer(tenant.memberToken()).get("/projects/" + id).then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> listed = Api.bearer(tenant.memberToken()).get("/projects").then().statusCode(200).extract().jsonPath()
                .getMap("items[0]");
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
        Map<String, Object> generation = Api.bearer(tenant.memberToken()).get("/generations/" + job).then().statusCode(200).extract()
                .jsonPath().getMap("");

        assertThat(token.keySet()).containsExactlyInAnyOrderElementsOf(propertiesOf("paths.'/api/v1/auth/login'.post.responses.'200'"));
        assertThat(project.keySet()).containsExactlyInAnyOrderElementsOf(propertiesOf("paths.'/api/v1/projects/{id}'.get.responses.'200'"));
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(project.keySet());
        assertThat(generation.keySet()).containsExactlyInAnyOrderElementsOf(
                propertiesOf("paths.'/api/v1/generations/{job}'.get.responses.'200'"));
    }

    @Test
    void aCreatedResourcesLocationIsAPathOnTheAddressTheClientUsedEvenBehindAProxy() {
        Api.Tenant tenant = Api.newTenant();
        var created = Api.bearer(tenant.memberToken()).header("Host", "arv.example.com").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "arv.example.com").body(Map.of("name", "located")).post("/projects").then()
                .statusCode(201).extract();

        assertThat(created.header("Location")).isEqualTo("/api/v1/projects/" + created.path("id"));
        Api.bearer(tenant.memberToken()).basePath("").get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(created.path("id")));
    }

    @Test
    void anAcceptedResourcesLocationIsAPathOnTheAddressTheClientUsed() {
        Api.Tenant tenant = Api.newTenant();
        String webhook = Api.bearer(tenant.adminToken()).body(Map.of("url", "http://127.0.0.1:9/located", "events", List.of("*")))
                .post("/webhooks").then().statusCode(201).extract().path("id");

        var accepted = Api.bearer(tenant.adminToken()).header("X-Forwarded-Proto", "https").post("/webhooks/" + webhook + "/test")
                .then().statusCode(202).extract();

        assertThat(accepted.header("Location")).isEqualTo("/api/v1/webhooks/" + webhook + "/deliveries/" + accepted.path("id"));
        Api.bearer(tenant.adminToken()).basePath("").get(accepted.header("Location")).then().statusCode(200)
                .body("id", equalTo(accepted.path("id")));
    }

    @Test
    void optionsAnswersTheMethodsOfAPathNotAWadlDocument() {
        var answer = Api.bearer(Api.newTenant().memberToken()).options("/projects/" + UUID.randomUUID()).then().extract();

        assertThat(answer.statusCode()).isIn(200, 204);
        assertThat(String.valueOf(answer.contentType())).doesNotContain("wadl");
        assertThat(answer.header("Allow")).isNotNull();
        assertThat(answer.header("Allow").split(",\\s*")).contains("GET", "PATCH", "DELETE", "OPTIONS").doesNotContain("POST");
    }

    /** The property names of the JSON schema a response refers to. */
    private static Set<String> propertiesOf(String response) {
        String ref = document.getString(response + ".content.'application/json'.schema.$ref");
        assertThat(ref).as(response).isNotNull();
        Map<String, Object> properties = document.getMap("components.schemas." + ref.substring(ref.lastIndexOf('/') + 1) + ".properties");
        return properties.keySet();
    }

    private static List<String> names(String operation) {
        return document.getList(operation + ".parameters.name");
    }

    /** Every schema of the document, components and those written in place, with where it is. */
    private static void everySchema(BiConsumer<String, Map<?, ?>> visit) {
        Map<String, Object> components = document.getMap("components.schemas");
        components.forEach((name, schema) -> walk(name, (Map<?, ?>) schema, visit));
        operations().forEach((name, operation) -> {
            List<Object> bodies = new ArrayList<>();
            bodies.add(operation.get("requestBody"));
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            if (responses != null) {
                bodies.addAll(responses.values());
            }
            bodies.stream().filter(Map.class::isInstance).map(b -> (Map<?, ?>) ((Map<?, ?>) b).get("content")).filter(c -> c != null)
                    .flatMap(c -> c.values().stream()).map(m -> (Map<?, ?>) ((Map<?, ?>) m).get("schema")).filter(sc -> sc != null)
                    .forEach(schema -> walk(name, schema, visit));
        });
    }

    private static void walk(String where, Map<?, ?> schema, BiConsumer<String, Map<?, ?>> visit) {
        visit.accept(where, schema);
        Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
        if (properties != null) {
            properties.forEach((name, property) -> walk(where + "." + name, (Map<?, ?>) property, visit));
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            walk(where + "[]", items, visit);
        }
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
