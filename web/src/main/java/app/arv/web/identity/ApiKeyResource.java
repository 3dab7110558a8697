package app.arv.web.identity;

import app.arv.identity.ApiKeyService;
import app.arv.identity.ApiKeyService.IssuedKey;
import app.arv.persistence.identity.ApiKey;
import app.arv.persistence.identity.ApiKeyScope;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.request.Idempotent;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.NoStore;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** The API keys of the caller's organization. */
@Path("api-keys")
@RequiresRole(CallerRole.ORG_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource implements ApiDescription.Identity {

    @Inject
    ApiKeyService keys;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List my organization's API keys (prefixes only, never secrets)")
    public PageView<ApiKeyView> list(@Valid @BeanParam Paging paging) {
        return PageView.of(keys.list(caller.get(), paging.toRequest()), ApiKeyView::of);
    }

    @POST
    @NoStore
    @Idempotent(secretInAnswer = true)
    @Operation(summary = "Issue an API key; the response is the only time its secret is shown. " + Idempotent.SECRET_IN_ANSWER)
    @APIResponse(responseCode = "201", description = "The issued key with its secret, shown this once; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedApiKeyView.class)))
    public Response issue(@Valid NewApiKey request) {
        IssuedKey issued = keys.issue(caller.get(), request.name, request.scope == null ? ApiKeyScope.USER : request.scope);
        return Links.created(Links.apiKey(issued.key().getId()), IssuedApiKeyView.of(issued));
    }

    @GET
    @Path("{id}")
    public ApiKeyView get(@PathParam("id") UUID id) {
        return ApiKeyView.of(keys.get(caller.get(), id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API key; it stops working at once")
    public Response revoke(@PathParam("id") UUID id) {
        keys.revoke(caller.get(), id);
        return Response.noContent().build();
    }

    public static class NewApiKey {
        @NotBlank
        @Size(max = 100)
        public String name;

        @JsonbTypeDeserializer(SnakeCaseEnum.class)
        public ApiKeyScope scope;
    }

    public record ApiKeyView(UUID id, String name, ApiKeyScope scope, String prefix, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt) {

        static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(k.getId(), k.getName(), k.getScope(), k.getPrefix(), k.getCreatedAt(),
                    k.getLastUsedAt(), k.getRevokedAt());
        }
    }

    public record IssuedApiKeyView(UUID id, String name, ApiKeyScope scope, String prefix, Instant createdAt, String secret) {

        static IssuedApiKeyView of(IssuedKey issued) {
            ApiKey k = issued.key();
            return new IssuedApiKeyView(k.getId(), k.getName(), k.getScope(), k.getPrefix(), k.getCreatedAt(), issued.secret());
        }
    }
}
