package app.arv.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * Every link the API hands out, in one place: the URLs in response bodies and the {@code Location} of created or accepted
 * resources, both root-relative ({@code /api/v1/projects/<id>}): a client resolves them against the address it used (RFC
 * 9110 allows a relative {@code Location}), so behind a reverse proxy they name no internal address. {@link ArvApplication}
 * tells Jersey to send a {@code Location} as written here rather than resolve it against the request's base URI.
 */
public final class Links {

    /** Where the API lives; {@link ArvApplication} is mounted here. */
    public static final String ROOT = "/api/v1";

    private Links() {
    }

    /** 201 Created: {@code body} and, in {@code Location}, where the new resource lives ({@code path}, one of the links below). */
    public static Response created(String path, Object body) {
        return Response.created(URI.create(path)).entity(body).build();
    }

    /** 202 Accepted: {@code body} and, in {@code Location}, the resource ({@code path}) that is finished in the background. */
    public static Response accepted(String path, Object body) {
        return Response.accepted(body).location(URI.create(path)).build();
    }

    /**
     * Where people reach ARV, without a trailing slash: {@code publicUrl} ({@code ARV_PUBLIC_URL}) when set, else the
     * address the request came in by (scheme, host, port and the application's context path).
     */
    public static String publicBase(Optional<String> publicUrl, UriInfo request) {
        return publicUrl.orElseGet(() -> requestBase(request));
    }

    /** The application's own address as this request reached it (scheme, host, port, context path), no trailing slash. */
    public static String requestBase(UriInfo request) {
        URI api = request.getBaseUri();
        String path = api.getPath() == null ? "" : api.getPath();
        int root = path.lastIndexOf(ROOT);
        String context = root >= 0 ? path.substring(0, root) : "";
        return api.getScheme() + "://" + api.getRawAuthority() + (context.endsWith("/") ? context.substring(0, context.length() - 1) : context);
    }

    /** The redirect URI registered with an identity provider. */
    public static String oidcCallback(String provider) {
        return ROOT + "/auth/oidc/" + provider + "/callback";
    }

    /** Where the console takes a single sign-on that succeeded (the cookie the callback sets is sent only here). */
    public static String oidcHandoff() {
        return ROOT + "/auth/oidc/handoff";
    }

    public static String project(UUID id) {
        return ROOT + "/projects/" + id;
    }

    public static String user(UUID id) {
        return ROOT + "/users/" + id;
    }

    public static String invitation(UUID id) {
        return ROOT + "/users/invitations/" + id;
    }

    public static String apiKey(UUID id) {
        return ROOT + "/api-keys/" + id;
    }

    public static String storageConnection(UUID id) {
        return ROOT + "/storage-connections/" + id;
    }

    public static String webhook(UUID id) {
        return ROOT + "/webhooks/" + id;
    }

    public static String webhookDelivery(UUID webhookId, UUID deliveryId) {
        return webhook(webhookId) + "/deliveries/" + deliveryId;
    }

    public static String organization(UUID id) {
        return ROOT + "/organizations/" + id;
    }

    public static String media(UUID mediaId) {
        return ROOT + "/media/" + mediaId;
    }

    /** A direct upload announced and not yet completed ({@code POST .../complete} registers it as media). */
    public static String mediaUpload(UUID uploadId) {
        return ROOT + "/media/uploads/" + uploadId;
    }

    public static String mediaContent(UUID mediaId) {
        return media(mediaId) + "/content";
    }

    public static String arContent(UUID id) {
        return ROOT + "/ar-content/" + id;
    }

    /** One overlay of an AR content (what {@code DELETE} removes). */
    public static String overlay(UUID arContentId, UUID mediaId) {
        return arContent(arContentId) + "/overlays/" + mediaId;
    }

    public static String markerFile(UUID arContentId) {
        return arContent(arContentId) + "/marker/file";
    }

    public static String generation(UUID job) {
        return ROOT + "/generations/" + job;
    }

    public static String generationArchive(UUID job) {
        return generation(job) + "/archive";
    }

    public static String generationModel(UUID job, UUID item) {
        return generation(job) + "/items/" + item + "/model";
    }

    /** The model as USDZ, for iOS's AR Quick Look (converted from the GLB on request). */
    public static String generationUsdz(UUID job, UUID item) {
        return generationModel(job, item) + ".usdz";
    }

    public static String generationPreview(UUID job, UUID item) {
        return generation(job) + "/items/" + item + "/preview";
    }

    /**
     * The public AR viewer page of a content, relative to the application's root (outside {@value #ROOT}): the
     * {@code viewer_url} clients see; printed QR codes make it absolute.
     */
    public static String viewerPage(String uniqueId) {
        return "/ar/" + uniqueId;
    }

    public static String viewerMarker(String uniqueId) {
        return ROOT + "/viewer/" + uniqueId + "/marker.mind";
    }

    public static String viewerOverlay(String uniqueId) {
        return ROOT + "/viewer/" + uniqueId + "/overlay";
    }
}
