package app.arv.web.request;

import app.arv.web.json.Paging;
import app.arv.web.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ?limit=} and {@code ?offset=} are read by the paged listings only (a {@link Paging} parameter); anywhere else they
 * are refused, 400 {@code validation_failed} naming the parameter, rather than ignored: a client asking an unpaged listing
 * ({@code GET /storage-connections}, {@code GET /me/sessions}...) for a page would otherwise take the whole list for one
 * page. The OpenAPI document names them on the paged listings only.
 */
@Provider
public class PagingOnlyOnListings implements DynamicFeature {

    private static final List<String> PAGING = List.of("limit", "offset");

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method == null || Arrays.asList(method.getParameterTypes()).contains(Paging.class)) {
            return;
        }
        context.register(new Refusal());
    }

    /** After the caller's credentials and role are checked, before an idempotency key is claimed. */
    @Priority(Priorities.AUTHORIZATION + 100)
    static final class Refusal implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            var query = request.getUriInfo().getQueryParameters();
            List<Problem.FieldError> errors = PAGING.stream().filter(query::containsKey)
                    .map(name -> new Problem.FieldError(name, "this answer is not paged: it lists everything at once"))
                    .toList();
            if (!errors.isEmpty()) {
                String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
                request.abortWith(Problem.of(400, "validation_failed", detail).withErrors(errors).toResponse());
            }
        }
    }
}
