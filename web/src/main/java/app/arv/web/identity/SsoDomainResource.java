package app.arv.web.identity;

import app.arv.identity.sso.SingleSignOnService;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
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

import java.util.List;

/**
 * The e-mail domains whose verified addresses join the caller's organization (as members) when they
 * sign in with an identity provider. A domain belongs to one organization at most.
 */
@Path("sso-domains")
@RequiresRole(CallerRole.ORG_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SsoDomainResource implements ApiDescription.Identity {

    @Inject
    SingleSignOnService sso;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The e-mail domains allowed to join my organization through single sign-on")
    public DomainsView get() {
        return new DomainsView(sso.domains(caller.get()));
    }

    @PUT
    @Operation(summary = "Replace the e-mail domains allowed to join my organization through single sign-on "
            + "(409 domain_taken when another organization has one)")
    public DomainsView replace(@Valid DomainsChange request) {
        return new DomainsView(sso.replaceDomains(caller.get(), request.domains));
    }

    /** A class, not a record: see {@code LoginResource.LoginRequest}. */
    public static class DomainsChange {
        @NotNull
        @Size(max = 50)
        public List<@NotNull @Size(max = 253) String> domains;
    }

    public record DomainsView(List<String> domains) {
    }
}
