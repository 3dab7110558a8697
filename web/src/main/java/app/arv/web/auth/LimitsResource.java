package app.arv.web.auth;

import app.arv.media.UploadRules;
import app.arv.security.PasswordPolicy;
import app.arv.web.ApiDescription;
import app.arv.web.security.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The limits a form may check before it sends (the console's, signed in or not), read from the settings that decide
 * them ({@link PasswordPolicy}, {@link UploadRules}): a client holds no copy that a changed setting would leave behind.
 */
@Path("auth/limits")
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource implements ApiDescription.Identity {

    @Inject
    PasswordPolicy passwords;

    @Inject
    UploadRules uploads;

    @GET
    @Public
    @Operation(summary = "The limits a form may check before sending: a password's fewest characters and most bytes, an upload's files, their size and types",
            description = "ARV_PASSWORD_MIN_LENGTH, the most bytes of a password in UTF-8 (72, bcrypt's), ARV_MEDIA_MAX_FILES, ARV_MEDIA_MAX_FILE_BYTES and ARV_MEDIA_ALLOWED_TYPES as in force; "
                    + "the server checks them all the same")
    public Limits limits() {
        return new Limits(passwords.minLength(), passwords.maxBytes(), uploads.maxFiles(), uploads.maxFileBytes(), uploads.allowedTypes());
    }

    public record Limits(int passwordMinLength, int passwordMaxBytes, int maxFiles, long maxFileBytes, List<String> allowedTypes) {
    }
}
