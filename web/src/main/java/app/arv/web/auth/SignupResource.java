package app.arv.web.auth;

import app.arv.identity.Signups;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.auth.InvitationAcceptResource.TokenRequest;
import app.arv.web.auth.LoginResource.TokenView;
import app.arv.web.identity.NewAccount;
import app.arv.web.logging.RequestContext;
import app.arv.web.protection.RateLimit;
import app.arv.web.security.NoStore;
import app.arv.web.security.Public;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Self-service sign-up of a new organization (only with ARV_SIGNUP_ENABLED=true; otherwise 404 signup_disabled). */
@Path("auth/signup")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SignupResource implements ApiDescription.Identity {

    /** The one answer to every sign-up, whether the address has an account or not. */
    static final SameAnswer REQUESTED = SameAnswer.accepted(
            "If this address has no account yet, a mail with a link to confirm it and open the organization is on its way");

    @Inject
    Signups signups;

    @Context
    HttpHeaders headers;

    @GET
    @Public
    @Operation(summary = "Whether self-service sign-up is enabled here (the console shows 'Create an organization' then)")
    public SignupAvailability availability() {
        return new SignupAvailability(signups.enabled());
    }

    @POST
    @Public
    @NoStore
    @SignupEndpoint
    @RateLimit(RateLimit.Policy.EXEMPT)
    @Operation(summary = "Sign up a new organization; a mail verifies the address first",
            description = "Always 202 with the same body, whether the address has an account or not (one that has gets no mail); "
                    + "the mail (language from Accept-Language) carries a single-use link valid for ARV_SIGNUP_TTL. 422 weak_password; "
                    + "throttled per address and per client like password reset requests (429 too_many_attempts; 503 "
                    + "throttle_unavailable while the throttle cannot be checked); 404 "
                    + "signup_disabled unless ARV_SIGNUP_ENABLED")
    @APIResponse(responseCode = "202", description = "Taken; the same answer whether the address has an account or not")
    public Response signUp(@Valid SignupRequest request, @Context UriInfo uri) {
        signups.request(request.organizationName, request.email, request.name, request.password, RequestContext.clientAddress(),
                headers.getAcceptableLanguages(), Links.requestBase(uri));
        return REQUESTED.response();
    }

    @POST
    @Path("verify")
    @Public
    @NoStore
    @SignupEndpoint
    @Operation(summary = "Verify a sign-up with its mailed token: opens the organization with me as its admin, signed in",
            description = "201 with the body of POST /auth/login (a session is opened). 400 invalid_token for an unknown, used or "
                    + "expired link, 409 email_taken when the address got an account meanwhile; nothing is created then")
    @APIResponse(responseCode = "201", description = "Signed in as the new organization's admin",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class)))
    public Response verify(@Valid TokenRequest request) {
        return TokenView.created(signups.verify(request.token, ClientDevice.of(headers)));
    }

    /* A class, not a record: see LoginResource (payara/Payara#7649). */
    public static class SignupRequest extends NewAccount {
        @NotBlank
        @Size(max = 200)
        public String organizationName;

        /** What to call me. */
        @NotBlank
        @Size(max = 200)
        public String name;
    }

    public record SignupAvailability(boolean enabled) {
    }
}
