package app.arv.web;

import app.arv.web.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Documents the problem responses of every operation, by the rules the request pipeline applies to
 * all of them: the rate limit answers everywhere, credentials and roles wherever a caller is needed,
 * validation wherever input arrives, tenancy wherever an id is in the path, file limits wherever
 * files arrive, outages (the database is behind every operation) everywhere. One place rather than a stack
 * of {@code @APIResponse} on every class: the server's scanner drops the success response it
 * derives from a method's return type as soon as an {@code @APIResponse} applies to the method.
 * Declares the shared responses and the problem schema too. Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    /** Each problem kind the API answers with, by its response name in {@code components.responses}. */
    public enum Kind {
        BAD_REQUEST("400", "Malformed body or rejected fields: a member the endpoint does not take, a member of the wrong kind "
                + "(booleans are true or false, whole numbers have no fraction and fit their range, text is not a number), "
                + "a value out of bounds; errors[] names each field"),
        UNAUTHORIZED("401", "No valid credential (JWT or API key)"),
        FORBIDDEN("403", "The caller's role does not allow this"),
        NOT_FOUND("404", "No such resource in the caller's organization"),
        CONFLICT("409",
                "The resource's state does not allow this now, or a request with the same idempotency key is still running; "
                        + "holding says what holds a storage connection in use"),
        GONE("410", "The AR content has expired"),
        PAYLOAD_TOO_LARGE("413", "A file, the number of files or the request body is over its limit"),
        RANGE_NOT_SATISFIABLE("416", "The Range lies outside the object; Content-Range gives its size"),
        UNPROCESSABLE("422",
                "Well-formed but not possible: an unusable or oversized image, a weak or wrong password, text with "
                        + "control characters, an idempotency key reused for another request, an unknown reference; limit names a "
                        + "configured limit that was passed"),
        RATE_LIMITED("429", "Over the rate limit (Retry-After says when to try again), or a quota used up (quota_exceeded)"),
        UNAVAILABLE("503",
                "The database, storage, queue, the sign-in throttle, image decoding or another node unavailable or busy; Retry-After when waiting helps"),
        BAD_GATEWAY("502",
                "The organization's own storage refuses ARV's requests (storage_misconfigured: wrong credentials, no such bucket, "
                        + "wrong region); trying again does not help, so no Retry-After: an organization admin corrects the connection");

        private final String status;
        private final String description;

        Kind(String status, String description) {
            this.status = status;
            this.description = description;
        }

        /** Its name in {@code components.responses}: the constant's name in camel case ({@code NOT_FOUND}: NotFound). */
        public String responseName() {
            return Arrays.stream(name().split("_")).map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining());
        }
    }

    private static final String PROBLEM_JSON = Problem.MEDIA_TYPE.toString();
    private static final String SCHEMA = "Problem";
    private static final String SIGN_IN = Links.ROOT + "/auth/login";
    private static final String VIEWER = Links.ROOT + "/viewer/";
    private static final String MEDIA_CONTENT = Links.ROOT + "/media/{id}/content";
    /** A connection's usage and its probe: read the store through its settings, which may be ones it refuses. */
    private static final Set<String> STORE_READS = Set.of(Links.ROOT + "/storage-connections/{id}/stats",
            Links.ROOT + "/storage-connections/{id}/test");
    private static final Set<String> IMAGES = Set.of(ApiDescription.MEDIA, ApiDescription.MARKERS, ApiDescription.GENERATIONS);

    @Override
    public Schema filterSchema(Schema schema) {
        WireSchemas.snakeCaseProperties(schema);
        WireSchemas.dropAnnotationDefaults(schema);
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        declare(api);
        listEachTagOnce(api);
        DocumentFrame.document(api);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, List<Method>> methods = ResourceMethods.all();
        WireSchemas schemas = new WireSchemas(api, methods.values().stream().flatMap(List::stream).toList());
        schemas.components();
        DocumentFrame.templatePaths(api);
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((httpMethod, operation) -> {
            String key = ResourceMethods.key(httpMethod.name(), path);
            List<Method> javaMethods = methods.getOrDefault(key, List.of());
            // The first names an operation several methods answer (by media type).
            javaMethods.forEach(method -> schemas.operation(operation, method));
            // Then: a listing's paging parameters, bounded (before the other inputs of its beans), are query input, whose
            // refusal is documented below.
            PagingParameters.document(api, operation);
            for (int i = javaMethods.size() - 1; i >= 0; i--) {
                OperationDetails.document(key, httpMethod, operation, javaMethods.get(i));
            }
            document(operation, problemsOf(path, httpMethod, operation));
            operation.setDescription(EventTypeNames.fill(operation.getDescription()));
        }));
    }

    /**
     * Payara lists a tag once per resource class that carries it; the document names each once, with
     * the description the application gives it.
     */
    private static void listEachTagOnce(OpenAPI api) {
        if (api.getTags() == null) {
            return;
        }
        Map<String, Tag> once = new LinkedHashMap<>();
        for (Tag tag : api.getTags()) {
            Tag kept = once.get(tag.getName());
            if (kept == null || (kept.getDescription() == null && tag.getDescription() != null)) {
                once.put(tag.getName(), tag);
            }
        }
        api.setTags(new ArrayList<>(once.values()));
    }

    /** The problems this operation can give. */
    static List<Kind> problemsOf(String path, HttpMethod method, Operation operation) {
        if (path.equals(SIGN_IN)) {
            return List.of(Kind.BAD_REQUEST, Kind.UNAUTHORIZED, Kind.RATE_LIMITED, Kind.UNAVAILABLE);
        }
        if (path.startsWith(VIEWER)) {
            // Its files come from the organization's store; the manifest from the database alone.
            return path.endsWith("/manifest")
                    ? List.of(Kind.NOT_FOUND, Kind.GONE, Kind.RATE_LIMITED, Kind.UNAVAILABLE)
                    : List.of(Kind.NOT_FOUND, Kind.GONE, Kind.RATE_LIMITED, Kind.UNAVAILABLE, Kind.BAD_GATEWAY);
        }
        List<String> tags = operation.getTags() == null ? List.of() : operation.getTags();
        boolean changes = method != HttpMethod.GET;
        List<Kind> problems = new ArrayList<>();
        if (operation.getRequestBody() != null || hasQuery(operation)) {
            problems.add(Kind.BAD_REQUEST);
        }
        problems.add(Kind.UNAUTHORIZED);
        problems.add(Kind.FORBIDDEN);
        if (path.contains("{")) {
            problems.add(Kind.NOT_FOUND);
        }
        if (changes) {
            problems.add(Kind.CONFLICT);
        }
        if (takesFiles(operation)) {
            problems.add(Kind.PAYLOAD_TOO_LARGE);
        }
        if (path.equals(MEDIA_CONTENT)) {
            problems.add(Kind.RANGE_NOT_SATISFIABLE);
        }
        // Any body may be refused as well-formed but not possible (text with control characters, a reused idempotency
        // key, a weak password), and any image.
        if (changes && method != HttpMethod.DELETE && (operation.getRequestBody() != null || tags.stream().anyMatch(IMAGES::contains))) {
            problems.add(Kind.UNPROCESSABLE);
        }
        problems.add(Kind.RATE_LIMITED);
        // The database is behind every operation (and storage, the queue or Redis behind many).
        problems.add(Kind.UNAVAILABLE);
        // Images, markers and models live in the organization's store, which may be its own, misconfigured one.
        if (tags.stream().anyMatch(IMAGES::contains) || STORE_READS.contains(path)) {
            problems.add(Kind.BAD_GATEWAY);
        }
        return problems;
    }

    /** The problem schema and one shared response per kind, each with an example. */
    private static void declare(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        components.addSchema(SCHEMA, problemSchema());
        for (Kind kind : Kind.values()) {
            APIResponse response = OASFactory.createAPIResponse().description(kind.description)
                    .content(OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA))
                            .example(example(kind))));
            components.addResponse(kind.responseName(), response);
        }
    }

    private static Schema problemSchema() {
        Schema errors = OASFactory.createSchema().type(SchemaType.ARRAY).items(OASFactory.createSchema().type(SchemaType.OBJECT)
                .addProperty("field", text("The rejected input, e.g. a JSON property")).addProperty("message", text(null)));
        Schema limit = OASFactory.createSchema().type(SchemaType.OBJECT).description("The configured limit the request went past")
                .addProperty("name", text(null)).addProperty("value", OASFactory.createSchema().type(SchemaType.INTEGER));
        Schema holding = OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("What holds a storage connection that cannot be moved or deleted (storage_connection_in_use), "
                        + "by kind; the detail says what clears each")
                .addProperty("media", OASFactory.createSchema().type(SchemaType.INTEGER).description("Live files stored through it"))
                .addProperty("owed_deletions", OASFactory.createSchema().type(SchemaType.INTEGER)
                        .description("Object deletions still owed through it: of deleted files, and of files staged and "
                                + "never recorded (GET /admin/storage/deletions)"))
                .addProperty("owed_deletions_due_from", time("When the first of them is due; absent when none is owed"))
                .addProperty("dead_letters", OASFactory.createSchema().type(SchemaType.INTEGER)
                        .description("Deletions through it that kept failing (GET /admin/storage/dead-letters)"))
                .addProperty("direct_uploads", OASFactory.createSchema().type(SchemaType.INTEGER)
                        .description("Direct uploads through it not removed yet"))
                .addProperty("direct_uploads_open_until", time("When the last of their URLs expires; absent when there is none"));
        return OASFactory.createSchema().type(SchemaType.OBJECT).description("An RFC 9457 problem detail")
                .addProperty("type", text("https://arv.app/problems/<code>"))
                .addProperty("title", text("The HTTP status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().type(SchemaType.INTEGER))
                .addProperty("detail", text("For people"))
                .addProperty("instance", text("The request path"))
                .addProperty("code", text("Stable, for programs"))
                .addProperty("request_id", text("Also in the X-Request-Id header and the server log"))
                .addProperty("errors", errors)
                .addProperty("quota", text("The quota a quota_exceeded or not_granted problem is about"))
                .addProperty("limit", limit)
                .addProperty("holding", holding)
                .required(List.of("type", "title", "status", "code"));
    }

    private static Schema time(String description) {
        return OASFactory.createSchema().type(SchemaType.STRING).format("date-time").description(description);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(SchemaType.STRING).description(description);
    }

    private static Map<String, Object> example(Kind kind) {
        String code = switch (kind) {
            case BAD_REQUEST -> "validation_failed";
            case UNAUTHORIZED -> "authentication_required";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case CONFLICT -> "job_finished";
            case GONE -> "ar_content_expired";
            case PAYLOAD_TOO_LARGE -> "file_too_large";
            case RANGE_NOT_SATISFIABLE -> "range_not_satisfiable";
            case UNPROCESSABLE -> "image_too_large";
            case RATE_LIMITED -> "rate_limited";
            case UNAVAILABLE -> "storage_unavailable";
            case BAD_GATEWAY -> "storage_misconfigured";
        };
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://arv.app/problems/" + code.replace('_', '-'));
        example.put("status", Integer.parseInt(kind.status));
        example.put("detail", kind.description);
        example.put("instance", Links.ROOT + "/projects");
        example.put("code", code);
        example.put("request_id", "4f1c2a9e7b3d4e10");
        if (kind == Kind.BAD_REQUEST) {
            example.put("errors", List.of(Map.of("field", "name", "message", "must not be blank")));
        }
        if (kind == Kind.UNPROCESSABLE) {
            example.put("limit", Map.of("name", "max_pixels", "value", 50_000_000));
        }
        return example;
    }

    private static void document(Operation operation, List<Kind> problems) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Kind problem : problems) {
            if (!responses.hasAPIResponse(problem.status)) {
                responses.addAPIResponse(problem.status,
                        OASFactory.createAPIResponse().ref("#/components/responses/" + problem.responseName()));
            }
        }
    }

    private static boolean hasQuery(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
    }

    private static boolean takesFiles(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType("multipart/form-data");
    }
}
