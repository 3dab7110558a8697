package app.arv.web.identity;

import app.arv.identity.UserService;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import app.arv.web.security.StorablePassword;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.time.Instant;
import java.util.UUID;

/** The people of the caller's organization, managed by its admins. */
@Path("users")
@RequiresRole(CallerRole.ORG_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource implements ApiDescription.Identity {

    @Inject
    UserService users;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List the users of my organization")
    public PageView<UserView> list(@Valid @BeanParam Paging paging) {
        return PageView.of(users.list(caller.get(), paging.toRequest()), UserView::of);
    }

    @POST
    @Operation(summary = "Add a user to my organization; a password breaking the password rules (ARV_PASSWORD_MIN_LENGTH "
            + "and the others) is 422 weak_password")
    @APIResponse(responseCode = "201", description = "The added person; Location names them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response add(@Valid NewUser request) {
        User user = users.invite(caller.get(), request.email, request.password, request.role);
        return Links.created(Links.user(user.getId()), UserView.of(user));
    }

    @GET
    @Path("{id}")
    public UserView get(@PathParam("id") UUID id) {
        return UserView.of(users.get(caller.get(), id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a user's role, activity or password (breaking the password rules: 422 weak_password)")
    public UserView change(@PathParam("id") UUID id, @Valid UserChange request) {
        return UserView.of(users.change(caller.get(), id, request.role, request.active, request.password));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deactivate a user (kept for history; can no longer sign in)")
    public Response deactivate(@PathParam("id") UUID id) {
        users.deactivate(caller.get(), id);
        return Response.noContent().build();
    }

    public static class NewUser extends NewAccount {
        @NotNull
        @JsonbTypeDeserializer(SnakeCaseEnum.class)
        public Role role;
    }

    public static class UserChange {
        @JsonbTypeDeserializer(SnakeCaseEnum.class)
        public Role role;

        public Boolean active;

        @StorablePassword
        public String password;
    }

    public record UserView(UUID id, String email, Role role, boolean active, boolean platformAdmin,
            Instant createdAt, Instant lastLoginAt) {

        static UserView of(User u) {
            return new UserView(u.getId(), u.getEmail(), u.getRole(), u.isActive(), u.isPlatformAdmin(),
                    u.getCreatedAt(), u.getLastLoginAt());
        }
    }
}
