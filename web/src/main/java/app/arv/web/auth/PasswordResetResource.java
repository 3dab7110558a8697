package app.arv.web.auth;

import app.arv.identity.PasswordResets;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.logging.RequestContext;
import app.arv.web.protection.RateLimit;
import app.arv.web.security.NoStore;
import app.arv.web.security.Public;
import app.arv.web.security.StorablePassword;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("auth/password-reset")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetResource implements ApiDescription.Identity {

    /** The one answer to every request, whether the address belongs to anybody or not. */
    static final SameAnswer REQUESTED = SameAnswer.accepted(
            "If this address belongs to an active account, a mail with a link to choose a new password is on its way");

    @Inject
    PasswordResets resets;

    @POST
    @Public
    @NoStore
    @RateLimit(RateLimit.Policy.EXEMPT)
    @Operation(summary = "Ask for a password reset link by e-mail",
            description = "Always 202 with the same body, whether the address belongs to an account or not; the mail (language "
                    + "from Accept-Language) carries a single-use link valid for ARV_PASSWORD_RESET_TTL. Repeated requests for an "
                    + "address or from a client answer 429 with Retry-After for a while; while the throttle cannot be checked (Redis "
                    + "away) 503 throttle_unavailable with Retry-After, and nothing is sent")
    @APIResponse(responseCode = "202", description = "Taken; the same answer whether the address is known or not")
    public Response request(@Valid ResetRequest request, @Context HttpHeaders headers, @Context UriInfo uri) {
        resets.request(request.email, RequestContext.clientAddress(), headers.getAcceptableLanguages(), Links.requestBase(uri));
        return REQUESTED.response();
    }

    @POST
    @Path("confirm")
    @Public
    @NoStore
    @Operation(summary = "Set a new password with the token of a reset link",
            description = "204 once; an unknown, used or expired token answers 400 invalid_token")
    @APIResponse(responseCode = "204", description = "The password is set")
    public Response confirm(@Valid ConfirmRequest request) {
        resets.confirm(request.token, request.password);
        return Response.noContent().build();
    }

    /* Classes, not records: see LoginResource (payara/Payara#7649). */
    public static class ResetRequest {
        @NotBlank
        @Email
        @Size(max = 254)
        public String email;
    }

    public static class ConfirmRequest {
        @NotBlank
        @Size(max = 200)
        public String token;

        @NotBlank
        @StorablePassword
        public String password;
    }
}
