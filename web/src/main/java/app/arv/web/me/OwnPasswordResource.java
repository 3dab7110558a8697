package app.arv.web.me;

import app.arv.identity.OwnAccount;
import app.arv.web.ApiDescription;
import app.arv.web.auth.ClientDevice;
import app.arv.web.auth.LoginResource.TokenView;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.NoStore;
import app.arv.web.security.StorablePassword;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("me/password")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OwnPasswordResource implements ApiDescription.Identity {

    @Inject
    OwnAccount account;

    @Inject
    CurrentCaller caller;

    @Context
    HttpHeaders headers;

    @POST
    @NoStore
    @Operation(summary = "Change my password (people only)",
            description = "Takes the current password (wrong: 422 wrong_password, throttled like sign-in); the new one must meet the "
                    + "password rules (422 weak_password). Every other session ends, and every access token issued before is "
                    + "refused from then on (401 token_revoked); the answer carries a fresh access token for this session, "
                    + "whose refresh token stays (refresh_token null)")
    public TokenView change(@Valid PasswordChange request) {
        return TokenView.of(account.changePassword(caller.get(), request.currentPassword, request.newPassword, ClientDevice.of(headers)));
    }

    /* A class, not a record: see LoginResource (payara/Payara#7649). */
    public static class PasswordChange {
        @NotBlank
        @Size(max = 200)
        public String currentPassword;

        @NotBlank
        @StorablePassword
        public String newPassword;
    }
}
