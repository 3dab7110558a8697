package app.arv.web.identity;

import app.arv.identity.Invitations;
import app.arv.persistence.identity.Invitation;
import app.arv.persistence.identity.Language;
import app.arv.persistence.identity.Role;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.json.MailAddressParam;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import app.arv.web.validation.NotBlankWhenGiven;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Invitations into the caller's organization, managed by its admins; the invited person accepts at {@code /auth/invitations}. */
@Path("users/invitations")
@RequiresRole(CallerRole.ORG_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource implements ApiDescription.Identity {

    @Inject
    Invitations invitations;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Invite an e-mail address into my organization with a role",
            description = "201; the mail (in `locale`, else the language of this request's Accept-Language, else English) carries "
                    + "a single-use link valid for ARV_INVITATION_TTL. 409 email_taken when the address has an account (in any "
                    + "organization), 409 invitation_pending while an invitation of it is pending (resend or revoke that one)")
    @APIResponse(responseCode = "201", description = "The invitation, sent; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    public Response invite(@Valid NewInvitation request, @Context HttpHeaders headers) {
        List<Locale> languages = request.locale != null ? List.of(Locale.forLanguageTag(request.locale)) : headers.getAcceptableLanguages();
        Invitation invitation = invitations.invite(caller.get(), request.email, request.role, request.name, languages,
                Links.requestBase(uri));
        return Links.created(Links.invitation(invitation.getId()), InvitationView.of(invitation));
    }

    @GET
    @Operation(summary = "List my organization's invitations (pending, accepted, revoked, expired), oldest first")
    public PageView<InvitationView> list(@Valid @BeanParam Paging paging) {
        return PageView.of(invitations.list(caller.get(), paging.toRequest()), InvitationView::of);
    }

    @GET
    @Path("{id}")
    public InvitationView get(@PathParam("id") UUID id) {
        return InvitationView.of(invitations.get(caller.get(), id));
    }

    @POST
    @Path("{id}/resend")
    @Operation(summary = "Mail a pending or expired invitation again with a new link (the old link stops working)",
            description = "The new link is valid for ARV_INVITATION_TTL from now; 409 invitation_closed when accepted or revoked")
    public InvitationView resend(@PathParam("id") UUID id) {
        return InvitationView.of(invitations.resend(caller.get(), id, Links.requestBase(uri)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an invitation: its link stops working",
            description = "204, also for one revoked already; 409 invitation_closed when it was accepted")
    public Response revoke(@PathParam("id") UUID id) {
        invitations.revoke(caller.get(), id);
        return Response.noContent().build();
    }

    /* A class, not a record: see LoginResource (payara/Payara#7649). */
    public static class NewInvitation {
        @NotBlank
        @MailAddressParam
        @Size(max = 254)
        public String email;

        @NotNull
        @JsonbTypeDeserializer(SnakeCaseEnum.class)
        public Role role;

        /** What to call the person until they say otherwise. */
        @NotBlankWhenGiven
        @Size(max = 200)
        public String name;

        /** The language of the mail. */
        @Pattern(regexp = Language.TAGS, message = "must be " + Language.TAGS_IN_WORDS)
        public String locale;
    }

    /** An invitation as admins see it; never its link. */
    public record InvitationView(UUID id, String email, Role role, String name,
            @JsonbTypeSerializer(SnakeCaseEnum.class) @Schema(implementation = String.class) Invitation.Status status,
            String locale, UUID invitedBy, Instant createdAt, Instant sentAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

        static InvitationView of(Invitation i) {
            return new InvitationView(i.getId(), i.getEmail(), i.getRole(), i.getDisplayName(), i.statusAt(Instant.now()), i.getLocale(),
                    i.getInvitedBy(), i.getCreatedAt(), i.getSentAt(), i.getExpiresAt(), i.getAcceptedAt(), i.getRevokedAt());
        }
    }
}
