package app.arv.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

import static app.arv.web.ApiDescription.ADMIN;
import static app.arv.web.ApiDescription.AUDIT;
import static app.arv.web.ApiDescription.GENERATIONS;
import static app.arv.web.ApiDescription.IDENTITY;
import static app.arv.web.ApiDescription.MARKERS;
import static app.arv.web.ApiDescription.MEDIA;
import static app.arv.web.ApiDescription.NOTIFICATIONS;
import static app.arv.web.ApiDescription.PROJECTS;
import static app.arv.web.ApiDescription.STORAGE;
import static app.arv.web.ApiDescription.VIEWER;
import static app.arv.web.ApiDescription.WEBHOOKS;

@ApplicationPath(Links.ROOT)
@OpenAPIDefinition(
        info = @Info(title = "ARV API", version = "1",
                description = "Images into AR markers and 3D assets. Errors are RFC 9457 problem details "
                        + "(application/problem+json) with a stable 'code'."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "apiKey")},
        tags = {
                @Tag(name = IDENTITY, description = "Signing in, the caller, users and API keys of an organization"),
                @Tag(name = PROJECTS, description = "Projects that group AR content"),
                @Tag(name = MEDIA, description = "The organization's media library: uploads, direct uploads, downloads"),
                @Tag(name = STORAGE, description = "The organization's own storage connections (S3 or local)"),
                @Tag(name = MARKERS, description = "AR content, its MindAR marker, overlays, marker packs and quality checks"),
                @Tag(name = VIEWER, description = "The public viewer's API: no credentials, limited per client address"),
                @Tag(name = GENERATIONS, description = "Image to 3D model generation jobs"),
                @Tag(name = ADMIN, description = "Platform administration: organizations, quotas, usage, health, "
                        + "storage maintenance, batch jobs"),
                @Tag(name = AUDIT, description = "The audit log of an organization: sign-ins, keys, people, content, "
                        + "storage connections and settings, who changed them and from where"),
                @Tag(name = NOTIFICATIONS, description = "A person's notifications (in-app list, unread count) and their "
                        + "preferences per event type and channel"),
                @Tag(name = WEBHOOKS, description = "The organization's outbound webhooks: signed event deliveries, "
                        + "their attempts, tests and redeliveries")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "A JWT from POST " + Links.ROOT + "/auth/login, or an API key"),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                apiKeyName = "X-API-Key")})
public class ArvApplication extends Application {

    /**
     * Jersey's own settings: a {@code Location} goes out as the resource wrote it ({@link Links}: a path on the address the
     * client used; resolved against the request's base URI, it named the internal address behind a proxy, {@code http://}
     * behind TLS), and {@code OPTIONS} answers the methods of a path in {@code Allow} instead of a WADL document.
     */
    private static final Map<String, Object> JERSEY = Map.of(
            "jersey.config.server.headers.location.relative.resolution.disabled", Boolean.TRUE,
            "jersey.config.server.wadl.disableWadl", Boolean.TRUE);

    @Override
    public Map<String, Object> getProperties() { return JERSEY; }
}
