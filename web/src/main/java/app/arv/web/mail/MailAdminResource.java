package app.arv.web.mail;

import app.arv.mail.DeadMails;
import app.arv.persistence.mail.OutboxMail;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.UUID;

/**
 * The outbox for the people who answer for mail: dead mails and their resend, and how the outbox stands. Never a mail's
 * body: invitations and password resets carry links with tokens.
 */
@Path("admin/mail")
@Produces(MediaType.APPLICATION_JSON)
public class MailAdminResource implements ApiDescription.Admin {

    @Inject
    DeadMails deadMails;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("dead")
    @RequiresRole({CallerRole.ORG_ADMIN, CallerRole.PLATFORM_ADMIN})
    @Operation(summary = "Mails the outbox gave up on (org admins: their organization's; platform admins: all), newest first,"
            + " with the last error; deleted ARV_MAIL_RETENTION after they were queued")
    public PageView<DeadMailView> dead(@Valid @BeanParam Paging paging) {
        return PageView.of(deadMails.list(caller.get(), paging.toRequest()), DeadMailView::of);
    }

    @POST
    @Path("dead/{id}/resend")
    @Consumes(MediaType.WILDCARD)
    @RequiresRole({CallerRole.ORG_ADMIN, CallerRole.PLATFORM_ADMIN})
    @Operation(summary = "Queue a dead mail again, due at once, its attempts counted from zero (once its cause is fixed: "
            + "the SMTP server back, the recipient's server accepting again); 409 mail_not_dead when it is not dead")
    public DeadMailView resend(@PathParam("id") UUID id) {
        return DeadMailView.of(deadMails.resend(caller.get(), id));
    }

    @GET
    @Path("outbox")
    @RequiresRole(CallerRole.PLATFORM_ADMIN)
    @Operation(summary = "Mails per status across organizations, and when the oldest mail still queued was queued (how far "
            + "behind the senders are: during an SMTP outage it grows)")
    public DeadMails.Outbox outbox() {
        return deadMails.outbox();
    }

    /** {@code template}: which mail it is (invitation, password_reset, notification, …). */
    public record DeadMailView(UUID id, UUID organizationId, String template, String recipient, String subject, String status,
            int attempts, String lastError, Instant createdAt) {

        static DeadMailView of(OutboxMail mail) {
            return new DeadMailView(mail.getId(), mail.getOrganizationId(), mail.getTemplate(), mail.getRecipient(), mail.getSubject(),
                    SnakeCaseEnum.name(mail.getStatus()), mail.getAttempts(), mail.getLastError(),
                    mail.getCreatedAt());
        }
    }
}
