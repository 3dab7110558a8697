package app.arv.web.auth;

import app.arv.identity.LoginService;
import app.arv.identity.Sessions;
import app.arv.identity.SignIn;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import app.arv.web.ApiDescription;
import app.arv.web.protection.RateLimit;
import app.arv.web.security.CurrentCaller;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

@Path("auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource implements ApiDescription.Identity {

    @Inject
    LoginService logins;

    @Inject
    Sessions sessions;

    @Inject
    CurrentCaller caller;

    @Context
    HttpHeaders headers;

    @POST
    @Path("login")
    @Public
    @NoStore
    @RateLimit(RateLimit.Policy.EXEMPT)
    @Operation(summary = "Sign in with e-mail and password; returns a JWT for 'Authorization: Bearer' and a refresh token. "
            + "Repeated failures for an account or from an address answer 429 with Retry-After for a while",
            description = "Opens a session (listed by GET /me/sessions with this request's user agent and address); the "
                    + "refresh token gets the next access token from POST /auth/refresh")
    public TokenView login(@Valid LoginRequest request) {
        return TokenView.of(logins.login(request.email, request.password, ClientDevice.of(headers)));
    }

    @POST
    @Path("refresh")
    @Public
    @NoStore
    @Operation(summary = "Exchange a refresh token for a new access token and a new refresh token (the old one is spent)",
            description = "401 invalid_token for an unknown, expired or revoked refresh token or a deactivated account; "
                    + "401 refresh_token_reused for one exchanged before, which ends the whole session (every token of "
                    + "it stops working); 401 refresh_token_superseded when another request exchanged it a moment ago "
                    + "(the session stays: use the tokens that request got)")
    public TokenView refresh(@Valid RefreshRequest request) {
        return TokenView.of(sessions.refresh(request.refreshToken, ClientDevice.of(headers)).orThrow());
    }

    @POST
    @Path("logout")
    @Public
    @NoStore
    @Operation(summary = "Sign out: end the session of the refresh token sent, or else of the access token used",
            description = "204; every access and refresh token of that session is refused from then on, on every node. "
                    + "An unknown refresh token changes nothing (204 too)")
    public void logout(@Valid LogoutRequest request) {
        if (request.refreshToken != null) {
            sessions.logout(request.refreshToken);
            return;
        }
        Caller signedIn = caller.find().orElseThrow(() -> DomainException.unauthenticated("authentication_required",
                "Send the refresh token, or an access token, of the session to end"));
        sessions.logout(signedIn);
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

    public static class RefreshRequest {
        @NotBlank
        @Size(max = 200)
        public String refreshToken;
    }

    public static class LogoutRequest {
        @Size(min = 1, max = 200)
        public String refreshToken;
    }

    /**
     * @param refreshToken          the refresh token to keep for {@code POST /auth/refresh}; {@code null} when the client
     *                              keeps the one it has (a password change)
     * @param refreshTokenExpiresAt when the session ends at the latest
     */
    public record TokenView(String accessToken, String tokenType, long expiresIn, Instant expiresAt, String refreshToken,
            Instant refreshTokenExpiresAt) {

        public static TokenView of(SignIn signIn) {
            return new TokenView(signIn.access().value(), "Bearer", signIn.access().expiresInSeconds(), signIn.access().expiresAt(),
                    signIn.refreshToken(), signIn.refreshTokenExpiresAt());
        }

        /**
         * A new person's first sign-in (an accepted invitation, a verified sign-up): 201 with this body, and no
         * Location — what was created is the caller's own account ({@code GET /me}).
         */
        public static Response created(SignIn signIn) {
            return Response.status(Response.Status.CREATED).entity(of(signIn)).build();
        }
    }
}
