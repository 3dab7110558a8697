package app.arv.web.identity;

import app.arv.identity.sso.DomainClaims;
import app.arv.persistence.identity.DomainClaim;
import app.arv.persistence.identity.DomainClaimState;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;

/**
 * The e-mail domains the caller's organization claims: once a platform admin approves a claim
 * ({@link SsoDomainClaimResource}), the domain's verified addresses join the organization (as members) when they sign in
 * with an identity provider. One organization's claim per domain is approved at most.
 */
@Path("sso-domains")
@RequiresRole(CallerRole.ORG_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SsoDomainResource implements ApiDescription.Identity {

    @Inject
    DomainClaims claims;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The e-mail domains my organization claims for single sign-on, each pending, approved or refused "
            + "by the platform's operators; only approved ones admit people")
    public DomainsView get() {
        return DomainsView.of(claims.claims(caller.get()));
    }

    @PUT
    @Operation(summary = "Replace the e-mail domains my organization claims for single sign-on: new ones are pending until a "
            + "platform admin approves them, ones kept keep their state (422 invalid_domain, 422 public_mail_domain for a "
            + "public mail service's domain, 409 domain_taken when another organization's claim was approved)")
    @APIResponse(responseCode = "200", description = "My organization's claims",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DomainsView.class)))
    @APIResponse(responseCode = "422", ref = "#/components/responses/Unprocessable")
    public DomainsView replace(@Valid DomainsChange request) {
        return DomainsView.of(claims.replace(caller.get(), request.domains));
    }

    /** A class, not a record: see {@code LoginResource.LoginRequest}. */
    public static class DomainsChange {
        @NotNull
        @Size(max = 50)
        public List<@NotNull @Size(max = 253) String> domains;
    }

    /** {@code domains}: every domain claimed, whatever its state (as {@code PUT} takes them); {@code claims}: each with it. */
    public record DomainsView(List<String> domains, List<OwnClaimView> claims) {

        static DomainsView of(List<DomainClaim> claims) {
            return new DomainsView(claims.stream().map(DomainClaim::domain).toList(), claims.stream().map(OwnClaimView::of).toList());
        }
    }

    /** One claim as its organization sees it; {@code claimed_by} is null for a domain stored before claims were reviewed. */
    public record OwnClaimView(String domain,
            @JsonbTypeSerializer(SnakeCaseEnum.class) @Schema(implementation = String.class) DomainClaimState state,
            Instant claimedAt, String claimedBy, Instant decidedAt) {

        static OwnClaimView of(DomainClaim claim) {
            return new OwnClaimView(claim.domain(), claim.state(), claim.claimedAt(), claim.claimedBy(), claim.decidedAt());
        }
    }
}
