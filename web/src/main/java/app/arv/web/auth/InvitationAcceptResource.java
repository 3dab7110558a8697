package app.arv.web.auth;

import app.arv.identity.Invitations;
import app.arv.web.ApiDescription;
import app.arv.web.auth.LoginResource.TokenView;
import app.arv.web.protection.RateLimit;
import app.arv.web.security.NoStore;
import app.arv.web.security.Public;
import app.arv.web.security.StorablePassword;
import app.arv.web.validation.NotBlankWhenGiven;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The invited person's side of an invitation: what the link is for, and accepting it. The token travels in the body,
 * never in the path, so it stays out of access logs and caches.
 */
@Path("auth/invitations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InvitationAcceptResource implements ApiDescription.Identity {

    @Inject
    Invitations invitations;

    @Context
    HttpHeaders headers;

    @POST
    @Path("preview")
    @Public
    @NoStore
    @Operation(summary = "What an invitation link is for: the organization's name and the invited address, nothing else",
            description = "400 invalid_token for an unknown, used, revoked or expired link")
    public Invitations.Preview preview(@Valid TokenRequest request) {
        return invitations.preview(request.token);
    }

    @POST
    @Path("accept")
    @Public
    @NoStore
    @RateLimit(RateLimit.Policy.EXEMPT)
    @Operation(summary = "Accept an invitation: choose a password, join the organization with the invited role, and be signed in",
            description = "201 with the body of POST /auth/login (a session is opened). 400 invalid_token for an unknown, used, revoked "
                    + "or expired link, 409 email_taken when the address got an account meanwhile, 422 weak_password; nothing is "
                    + "created then. Throttled per link and per client like password reset requests (429 too_many_attempts)")
    @APIResponse(responseCode = "201", description = "Signed in as the new person",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class)))
    public Response accept(@Valid AcceptRequest request) {
        return TokenView.created(invitations.accept(request.token, request.password, request.name, ClientDevice.of(headers)));
    }

    /* Classes, not records: see LoginResource (payara/Payara#7649). */
    public static class TokenRequest {
        @NotBlank
        @Size(max = 200)
        public String token;
    }

    public static class AcceptRequest extends TokenRequest {
        @NotBlank
        @StorablePassword
        public String password;

        /** What to call me; the name the admin gave, when none. */
        @NotBlankWhenGiven
        @Size(max = 200)
        public String name;
    }
}
