package app.arv.web.storage;

import app.arv.persistence.storage.StorageConnection;
import app.arv.persistence.storage.StorageProvider;
import app.arv.security.CallerRole;
import app.arv.storage.ProbeReport;
import app.arv.storage.StorageConnectionService;
import app.arv.storage.StorageConnectionSpec;
import app.arv.storage.StorageUsage;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.json.ItemsView;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import app.arv.web.validation.NotBlankWhenGiven;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import java.util.UUID;

@Path("storage-connections")
@RequiresRole(CallerRole.ORG_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StorageConnectionResource implements ApiDescription.Storage {

    @Inject
    StorageConnectionService connections;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "My organization's storage connections (none: the platform's local store is used)")
    public ItemsView<StorageConnectionView> list() {
        return ItemsView.of(connections.list(caller.get()), StorageConnectionView::of);
    }

    @POST
    @APIResponse(responseCode = "201", description = "The created connection; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StorageConnectionView.class)))
    public Response create(@Valid NewConnection request) {
        StorageConnection created = connections.create(caller.get(), request.spec(request.name, request.provider, request.isDefault));
        return Links.created(Links.storageConnection(created.getId()), StorageConnectionView.of(created));
    }

    @GET
    @Path("{id}")
    public StorageConnectionView get(@PathParam("id") UUID id) {
        return StorageConnectionView.of(connections.get(caller.get(), id));
    }

    @PATCH
    @Path("{id}")
    public StorageConnectionView change(@PathParam("id") UUID id, @Valid ConnectionChange request) {
        return StorageConnectionView.of(connections.change(caller.get(), id, request.spec(request.name, null, request.isDefault)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        connections.delete(caller.get(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Write, read back and delete a probe object, timing each step")
    public ProbeReport test(@PathParam("id") UUID id) {
        return connections.test(caller.get(), id);
    }

    @GET
    @Path("{id}/stats")
    @Operation(summary = "Objects and bytes my organization keeps through this connection")
    public StorageUsage stats(@PathParam("id") UUID id) {
        return connections.stats(caller.get(), id);
    }

    /** Where the store is and how to reach it: the same fields when creating a connection and when changing one. */
    public static class ConnectionSettings {
        @Size(max = StorageConnection.MAX_DIRECTORY)
        public String directory;

        @Size(max = StorageConnection.MAX_ENDPOINT)
        public String endpoint;

        @Size(max = StorageConnection.MAX_REGION)
        public String region;

        @Size(max = StorageConnection.MAX_BUCKET)
        public String bucket;

        @Size(max = StorageConnection.MAX_ACCESS_KEY)
        public String accessKey;

        @Size(max = 500)
        public String secretKey;

        @Size(max = StorageConnection.MAX_BASE_PATH)
        public String basePath;

        StorageConnectionSpec spec(String name, StorageProvider provider, Boolean isDefault) {
            return new StorageConnectionSpec(name, provider, isDefault, directory, endpoint, region, bucket, accessKey, secretKey,
                    basePath);
        }
    }

    public static class NewConnection extends ConnectionSettings {
        @NotBlank
        @Size(max = StorageConnection.MAX_NAME)
        public String name;

        @NotNull
        @JsonbTypeDeserializer(SnakeCaseEnum.class)
        public StorageProvider provider;

        public Boolean isDefault;
    }

    public static class ConnectionChange extends ConnectionSettings {
        @NotBlankWhenGiven
        @Size(max = StorageConnection.MAX_NAME)
        public String name;

        public Boolean isDefault;
    }
}
