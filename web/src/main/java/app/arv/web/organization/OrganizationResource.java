package app.arv.web.organization;

import app.arv.organization.OrganizationService;
import app.arv.organization.OrganizationService.FirstAdmin;
import app.arv.persistence.organization.Organization;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.identity.NewAccount;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import app.arv.web.validation.NotBlankWhenGiven;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Customer organizations, managed by the installation's operators. */
@Path("organizations")
@RequiresRole(CallerRole.PLATFORM_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource implements ApiDescription.Admin {

    @Inject
    OrganizationService organizations;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List organizations (platform admins)")
    public PageView<OrganizationView> list(@Valid @BeanParam Paging paging) {
        return PageView.of(organizations.list(paging.toRequest()), OrganizationView::of);
    }

    @POST
    @Operation(summary = "Open an organization, optionally with its first admin")
    @APIResponse(responseCode = "201", description = "The opened organization; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    public Response open(@Valid NewOrganization request) {
        FirstAdmin admin = request.admin == null ? null : new FirstAdmin(request.admin.email, request.admin.password);
        Organization organization = organizations.open(caller.get(), request.name, request.slug, admin);
        return Links.created(Links.organization(organization.getId()), OrganizationView.of(organization));
    }

    @GET
    @Path("{id}")
    public OrganizationView get(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.get(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Rename or (de)activate an organization; a deactivated one can't sign in or use keys")
    public OrganizationView change(@PathParam("id") UUID id, @Valid OrganizationChange request) {
        return OrganizationView.of(organizations.change(caller.get(), id, request.name, request.active));
    }

    public static class NewOrganization {
        @NotBlank
        @Size(max = 200)
        public String name;

        @NotBlank
        @Size(max = 63)
        @Pattern(regexp = "[a-z0-9]([a-z0-9-]*[a-z0-9])?", message = "lower-case letters, digits and inner hyphens")
        public String slug;

        @Valid
        public FirstAdminRequest admin;
    }

    /** The organization's first admin. */
    public static class FirstAdminRequest extends NewAccount {
    }

    public static class OrganizationChange {
        @NotBlankWhenGiven
        @Size(max = 200)
        public String name;

        public Boolean active;
    }
}
