package app.arv.web.auth;

import app.arv.identity.LoginService;
import app.arv.security.TokenService.IssuedToken;
import app.arv.web.ApiDescription;
import app.arv.web.protection.RateLimit;
import app.arv.web.request.RequestContext;
import app.arv.web.security.NoStore;
import app.arv.web.security.Public;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

@Path("auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource implements ApiDescription.Identity {

    @Inject
    LoginService logins;

    @POST
    @Path("login")
    @Public
    @NoStore
    @RateLimit(RateLimit.Policy.EXEMPT)
    @Operation(summary = "Sign in with e-mail and password; returns a JWT for 'Authorization: Bearer'. "
            + "Repeated failures for an account or from an address answer 429 with Retry-After for a while")
    public TokenView login(@Valid LoginRequest request) {
        IssuedToken token = logins.login(request.email, request.password, RequestContext.clientAddress());
        return new TokenView(token.value(), "Bearer", token.expiresInSeconds(), token.expiresAt());
    }

    /*
     * Request bodies are classes with constrained fields, not records: Payara's OpenAPI scanner fails
     * on constraints that sit on (record constructor) parameters (payara/Payara#7649).
     */
    public static class LoginRequest {
        @NotBlank
        @Email
        @Size(max = 254)
        public String email;

        /** No byte limit here: a password longer than any stored one is simply a wrong one (401). */
        @NotBlank
        @Size(max = 200)
        public String password;
    }

    public record TokenView(String accessToken, String tokenType, long expiresIn, Instant expiresAt) {
    }
}
