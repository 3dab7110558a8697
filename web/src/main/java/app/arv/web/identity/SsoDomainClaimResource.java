package app.arv.web.identity;

import app.arv.identity.sso.DomainClaims;
import app.arv.persistence.identity.DomainClaim;
import app.arv.persistence.identity.DomainClaimState;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import app.arv.web.ApiDescription;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * Organizations' claims to e-mail domains for single sign-on, which the installation's operators approve (after
 * checking, outside ARV, that the organization owns the domain) or refuse. A claim admits nobody until approved.
 */
@Path("sso-domain-claims")
@RequiresRole(CallerRole.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SsoDomainClaimResource implements ApiDescription.Admin {

    @Inject
    DomainClaims claims;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Every organization's domain claims in one state (pending unless state= says approved or refused), "
            + "oldest first (platform admins)")
    public PageView<DomainClaimView> list(@QueryParam("state") @DefaultValue("pending") String state, @Valid @BeanParam Paging paging) {
        DomainClaimState wanted = SnakeCaseEnum.parse(DomainClaimState.class, state).orElseThrow(
                () -> DomainException.invalidFilter("state must be one of " + SnakeCaseEnum.names(DomainClaimState.class)));
        return PageView.of(claims.claims(wanted, paging.toRequest()), DomainClaimView::of);
    }

    @POST
    @Path("{organizationId}/{domain}/approve")
    @Operation(summary = "Approve an organization's claim: the domain's verified addresses join it through single sign-on "
            + "(409 domain_taken when another organization's claim to the domain is approved)")
    public DomainClaimView approve(@PathParam("organizationId") UUID organizationId, @PathParam("domain") String domain) {
        return DomainClaimView.of(claims.decide(caller.get(), organizationId, domain, DomainClaimState.APPROVED));
    }

    @POST
    @Path("{organizationId}/{domain}/refuse")
    @Operation(summary = "Refuse an organization's claim (an approved one too: it stops admitting anybody)")
    public DomainClaimView refuse(@PathParam("organizationId") UUID organizationId, @PathParam("domain") String domain) {
        return DomainClaimView.of(claims.decide(caller.get(), organizationId, domain, DomainClaimState.REFUSED));
    }

    /** One claim with its organization and who decided it (null while pending, and for domains stored before claims). */
    public record DomainClaimView(UUID organizationId, String organizationName, String domain,
            @JsonbTypeSerializer(SnakeCaseEnum.class) @Schema(implementation = String.class) DomainClaimState state,
            Instant claimedAt, String claimedBy, Instant decidedAt, String decidedBy) {

        static DomainClaimView of(DomainClaim claim) {
            return new DomainClaimView(claim.organizationId(), claim.organizationName(), claim.domain(), claim.state(), claim.claimedAt(),
                    claim.claimedBy(), claim.decidedAt(), claim.decidedBy());
        }
    }
}
