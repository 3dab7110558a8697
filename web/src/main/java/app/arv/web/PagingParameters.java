package app.arv.web;

import app.arv.persistence.shared.Page;
import app.arv.web.json.Paging;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Documents {@code ?limit=&offset=} ({@link Paging}) on every operation that answers a page (items, total, limit, offset):
 * Payara's scanner leaves out the query parameters of a {@code @BeanParam}, and fails on {@code @Parameter} there.
 */
final class PagingParameters {

    private static final Set<String> PAGE = Set.of("items", "total", "limit", "offset");
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String JSON = "application/json";

    private PagingParameters() {
    }

    static void document(OpenAPI api, Operation operation) {
        if (!answersAPage(api, operation) || has(operation, "limit")) {
            return;
        }
        operation.addParameter(query("limit", "How many items, from " + Paging.MIN_LIMIT + " to " + Page.MAX_LIMIT
                + "; anything else is a 400", Paging.MIN_LIMIT, Page.MAX_LIMIT, Page.DEFAULT_LIMIT));
        operation.addParameter(query("offset", "How many items to skip; a negative or unreadable value is a 400",
                Paging.MIN_OFFSET, Integer.MAX_VALUE, Paging.MIN_OFFSET));
    }

    private static Parameter query(String name, String description, int minimum, int maximum, int byDefault) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).required(false).description(description)
                .schema(OASFactory.createSchema().type(SchemaType.INTEGER).minimum(BigDecimal.valueOf(minimum))
                        .maximum(BigDecimal.valueOf(maximum)).defaultValue(byDefault));
    }

    private static boolean has(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> name.equals(p.getName()));
    }

    private static boolean answersAPage(OpenAPI api, Operation operation) {
        // The scanner documents what the method returns as the default response.
        APIResponse ok = operation.getResponses() == null
                ? null
                : operation.getResponses().hasAPIResponse("200")
                        ? operation.getResponses().getAPIResponse("200")
                        : operation.getResponses().getDefaultValue();
        Content content = ok == null ? null : ok.getContent();
        MediaType json = content == null ? null : content.getMediaType(JSON);
        Schema schema = json == null ? null : json.getSchema();
        if (schema != null && schema.getRef() != null && schema.getRef().startsWith(SCHEMAS) && api.getComponents() != null
                && api.getComponents().getSchemas() != null) {
            schema = api.getComponents().getSchemas().get(schema.getRef().substring(SCHEMAS.length()));
        }
        return schema != null && schema.getProperties() != null && schema.getProperties().keySet().containsAll(PAGE);
    }
}
