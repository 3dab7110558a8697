package app.arv.web.mail;

import app.arv.mail.TestMails;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
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

import java.util.UUID;

/** {@code POST /me/test-mail}: an org admin sends a test mail to their own address. */
@Path("me/test-mail")
@RequiresRole(CallerRole.ORG_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TestMailResource implements ApiDescription.Identity {

    @Inject
    TestMails testMails;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Send myself a test mail (org admins, people only)",
            description = "Queues a mail to the caller's own address in the caller's language (Accept-Language: en, ru) and "
                    + "answers 202 at once; the mail is sent from the outbox, retried while the SMTP server is unreachable.")
    @APIResponse(responseCode = "202", description = "The mail, queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuedMailView.class)))
    public Response send(@Context HttpHeaders headers, @Context UriInfo request) {
        TestMails.Queued queued = testMails.sendToMyself(caller.get(), headers.getAcceptableLanguages(), Links.requestBase(request));
        return Response.accepted(new QueuedMailView(queued.id(), queued.recipient(), queued.language().toLanguageTag(), "queued"))
                .build();
    }

    public record QueuedMailView(UUID id, String recipient, String language, String status) {
    }
}
