package app.arv.web.security;

import app.arv.shared.DomainException;
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
import java.util.Set;

/**
 * Enforces {@link RequiresRole} / {@link Public} on resource methods (method over class).
 * Endpoints that say neither still need an authenticated caller: closed by default.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(Public.class)
                || (!method.isAnnotationPresent(RequiresRole.class) && type.isAnnotationPresent(Public.class))) {
            return;
        }
        RequiresRole allowed = method.isAnnotationPresent(RequiresRole.class)
                ? method.getAnnotation(RequiresRole.class)
                : type.getAnnotation(RequiresRole.class);
        context.register(new Guard(allowed == null ? Set.of() : Set.copyOf(Arrays.asList(allowed.value()))));
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Guard implements ContainerRequestFilter {

        private final Set<String> roles;

        Guard(Set<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                throw DomainException.unauthenticated("authentication_required",
                        "This endpoint needs 'Authorization: Bearer <token or API key>' or 'X-API-Key'");
            }
            if (!roles.isEmpty() && roles.stream().noneMatch(security::isUserInRole)) {
                throw DomainException.forbidden("This needs one of the roles " + String.join(", ", roles));
            }
        }
    }
}
