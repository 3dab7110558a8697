package app.arv.web.security;

import app.arv.security.Caller;
import app.arv.security.CallerAuthentication;
import app.arv.shared.DomainException;
import app.arv.web.logging.RequestContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.function.Function;

/**
 * Establishes who is calling. Two credentials are accepted everywhere: {@code Authorization: Bearer}
 * with a JWT from {@code /auth/login} or with an API key (image2model's convention), and
 * {@code X-API-Key}. A presented but bad credential is refused even on public endpoints, so a
 * client never silently proceeds as anonymous.
 *
 * <p>A refused credential is answered here, before the rate limit counts the request, so what it costs its client is
 * {@link CredentialRefusals}' to say (the rate limits' rule, in {@code web.protection}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    @Inject
    CallerAuthentication authentication;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CredentialRefusals refusals;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String apiKey = request.getHeaderString(API_KEY_HEADER);
        Function<Runnable, Caller> authenticate;
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                authenticate = beforeLookup -> {
                    throw DomainException.unauthenticated("unsupported_authorization", "Use 'Authorization: Bearer <token or API key>'");
                };
            } else {
                String token = authorization.substring(BEARER.length()).strip();
                authenticate = beforeLookup -> authentication.authenticateBearer(token, beforeLookup);
            }
        } else if (apiKey != null && !apiKey.isBlank()) {
            String key = apiKey.strip();
            authenticate = beforeLookup -> authentication.authenticateApiKey(key, beforeLookup);
        } else {
            return;
        }
        Caller caller = refusals.admitted(request, authenticate);
        currentCaller.set(caller, CredentialCheck.of(() -> authenticate.apply(CallerAuthentication.UNGUARDED)));
        RequestContext.identifyOrganization(caller.organizationId());
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller, secure));
    }

    private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() { return caller::name; }

        @Override
        public boolean isUserInRole(String role) {
            return caller.has(role);
        }

        @Override
        public boolean isSecure() { return secure; }

        @Override
        public String getAuthenticationScheme() { return caller.isApiKey() ? "API_KEY" : "BEARER"; }
    }
}
