package app.arv.web;

import app.arv.web.request.IdempotencyFilter;
import app.arv.web.request.Idempotent;
import app.arv.web.security.Public;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an operation's Java method says and the scanner leaves out: a unique operation id (the class and the method),
 * no credentials for {@link Public} ones, the query parameters of its {@code @BeanParam} inputs, the
 * {@code Idempotency-Key} of {@link Idempotent} ones and the {@code If-Match} of a conditional change, and the status
 * of a success the scanner only calls {@code default}.
 */
final class OperationDetails {

    /** The operations that read {@code If-Match} (a change made against the ETag of a reading). */
    static final Set<String> CONDITIONAL = Set.of(ResourceMethods.key("PATCH", Links.ROOT + "/ar-content/{id}"));

    private static final String DEFAULT = "default";
    private static final String EVENT_STREAM = "text/event-stream";

    private OperationDetails() {
    }

    static void document(String key, HttpMethod httpMethod, Operation operation, Method method) {
        operation.setOperationId(operationId(method));
        if (isPublic(method)) {
            // No credentials needed: one requirement that names none (an empty list would not be written at all).
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
        }
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (Arrays.stream(method.getParameterAnnotations()[i]).anyMatch(BeanParam.class::isInstance)) {
                beanInputs(operation, types[i]);
            }
        }
        if (method.isAnnotationPresent(Idempotent.class) || method.getDeclaringClass().isAnnotationPresent(Idempotent.class)) {
            addIfAbsent(operation, OASFactory.createParameter().name(IdempotencyFilter.HEADER).in(Parameter.In.HEADER).required(false)
                    .description("Repeats of a request with the same key get the first answer instead of doing the work again")
                    .schema(OASFactory.createSchema().type(SchemaType.STRING)));
        }
        if (CONDITIONAL.contains(key)) {
            addIfAbsent(operation, OASFactory.createParameter().name(HttpHeaders.IF_MATCH).in(Parameter.In.HEADER).required(false)
                    .description("The ETag of a reading: a change made meanwhile answers 412 precondition_failed")
                    .schema(OASFactory.createSchema().type(SchemaType.STRING)));
        }
        success(httpMethod, operation, method);
    }

    /** {@code projectList} for {@code ProjectResource.list}: the class without its suffix, then the method. */
    static String operationId(Method method) {
        String type = method.getDeclaringClass().getSimpleName().replaceAll("(Resource|Endpoint)$", "");
        String name = method.getName();
        return type.substring(0, 1).toLowerCase(Locale.ROOT) + type.substring(1) + name.substring(0, 1).toUpperCase(Locale.ROOT)
                + name.substring(1);
    }

    private static boolean isPublic(Method method) {
        return method.isAnnotationPresent(Public.class) || method.getDeclaringClass().isAnnotationPresent(Public.class);
    }

    /** The query parameters and headers a bean parameter's fields read. */
    private static void beanInputs(Operation operation, Class<?> bean) {
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                HeaderParam header = field.getAnnotation(HeaderParam.class);
                if (query == null && header == null) {
                    continue;
                }
                Schema schema = JavaSchemas.of(field.getGenericType());
                DefaultValue byDefault = field.getAnnotation(DefaultValue.class);
                if (byDefault != null) {
                    schema.setDefaultValue(typed(schema, byDefault.value()));
                }
                addIfAbsent(operation, OASFactory.createParameter().name(query != null ? query.value() : header.value())
                        .in(query != null ? Parameter.In.QUERY : Parameter.In.HEADER).required(false).schema(schema));
            }
        }
    }

    private static Object typed(Schema schema, String value) {
        return switch (schema.getType()) {
            case BOOLEAN -> Boolean.valueOf(value);
            case INTEGER -> Long.valueOf(value);
            default -> value;
        };
    }

    private static void addIfAbsent(Operation operation, Parameter parameter) {
        if (operation.getParameters() == null
                || operation.getParameters().stream().noneMatch(p -> p.getName().equals(parameter.getName()) && p.getIn() == parameter.getIn())) {
            operation.addParameter(parameter);
        }
    }

    /**
     * The scanner calls the answer it derives from the return type {@code default}; a success has a status: 204 for
     * a method that answers nothing and every deletion, 200 for one that answers a body (201 with {@code Location}
     * stays on the method's own {@code @APIResponse}). A {@code Response} the method builds itself stays {@code default}
     * unless the method says its status.
     */
    private static void success(HttpMethod httpMethod, Operation operation, Method method) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.equals("201")) {
                    response.addHeader("Location", OASFactory.createHeader().description("Where the created resource is")
                            .schema(OASFactory.createSchema().type(SchemaType.STRING).format("uri-reference")));
                }
            });
        }
        APIResponse derived = responses.getDefaultValue();
        boolean successStated = responses.getAPIResponses() != null
                && responses.getAPIResponses().keySet().stream().anyMatch(code -> code.matches("[23]\\d\\d"));
        if (derived == null || successStated) {
            return;
        }
        boolean events = Arrays.stream(produces(method)).anyMatch(EVENT_STREAM::equals);
        boolean nothing = method.getReturnType() == void.class && !events;
        if (nothing || httpMethod == HttpMethod.DELETE) {
            responses.removeAPIResponse(DEFAULT);
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Done; no body"));
        } else if (method.getReturnType() != Response.class) {
            responses.removeAPIResponse(DEFAULT);
            responses.addAPIResponse("200", derived.description(derived.getDescription() == null ? "OK" : derived.getDescription()));
        } else if (httpMethod == HttpMethod.GET) {
            // A reading the method answers itself: a file or a document in the types it produces.
            Content content = OASFactory.createContent();
            for (String type : produces(method)) {
                content.addMediaType(type, OASFactory.createMediaType().schema(type.equals(MediaType.APPLICATION_JSON)
                        ? OASFactory.createSchema().type(SchemaType.OBJECT)
                        : OASFactory.createSchema().type(SchemaType.STRING).format("binary")));
            }
            responses.removeAPIResponse(DEFAULT);
            responses.addAPIResponse("200", OASFactory.createAPIResponse().description("OK")
                    .content(content.getMediaTypes() == null || content.getMediaTypes().isEmpty() ? null : content));
        }
    }

    private static String[] produces(Method method) {
        Produces produces = method.isAnnotationPresent(Produces.class)
                ? method.getAnnotation(Produces.class)
                : method.getDeclaringClass().getAnnotation(Produces.class);
        return produces == null ? new String[0] : produces.value();
    }
}
