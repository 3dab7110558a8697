package app.arv.web.me;

import app.arv.organization.OrganizationService;
import app.arv.persistence.organization.Organization;
import app.arv.security.Caller;
import app.arv.web.ApiDescription;
import app.arv.web.organization.OrganizationView;
import app.arv.web.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource implements ApiDescription.Identity {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    OrganizationService organizations;

    @GET
    @Operation(summary = "Who the credential belongs to, its organization and its roles")
    public MeView me() {
        Caller caller = currentCaller.get();
        Organization organization = organizations.get(caller.organizationId());
        return new MeView(caller.isApiKey() ? "api_key" : "user",
                caller.isApiKey() ? caller.apiKeyId() : caller.userId(),
                caller.name(), OrganizationView.of(organization), caller.roles().stream().sorted().toList());
    }

    public record MeView(String kind, UUID id, String name, OrganizationView organization, List<String> roles) {
    }
}
