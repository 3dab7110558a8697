package app.arv.web;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The names the OpenAPI description is grouped by: one tag per domain, each resource class
 * implementing its domain's interface below (described on {@link ArvApplication}).
 */
public final class ApiDescription {

    public static final String IDENTITY = "identity";
    public static final String PROJECTS = "projects";
    public static final String MEDIA = "media";
    public static final String STORAGE = "storage";
    public static final String MARKERS = "markers";
    public static final String VIEWER = "viewer";
    public static final String GENERATIONS = "generations";
    public static final String ADMIN = "admin";
    public static final String AUDIT = "audit";
    public static final String NOTIFICATIONS = "notifications";
    public static final String WEBHOOKS = "webhooks";

    /** Every tag an operation may carry. */
    public static final List<String> TAGS = List.of(IDENTITY, PROJECTS, MEDIA, STORAGE, MARKERS, VIEWER, GENERATIONS, ADMIN, AUDIT, NOTIFICATIONS, WEBHOOKS);

    private ApiDescription() {
    }

    // A resource class implements its domain's interface: the OpenAPI scan reads a class's interfaces,
    // so every operation of the class carries the tag.

    @Tag(name = IDENTITY)
    public interface Identity {
    }

    @Tag(name = PROJECTS)
    public interface Projects {
    }

    @Tag(name = MEDIA)
    public interface Media {
    }

    @Tag(name = STORAGE)
    public interface Storage {
    }

    @Tag(name = MARKERS)
    public interface Markers {
    }

    @Tag(name = VIEWER)
    public interface Viewer {
    }

    @Tag(name = GENERATIONS)
    public interface Generations {
    }

    @Tag(name = ADMIN)
    public interface Admin {
    }

    @Tag(name = AUDIT)
    public interface Audit {
    }

    @Tag(name = NOTIFICATIONS)
    public interface Notifications {
    }

    @Tag(name = WEBHOOKS)
    public interface Webhooks {
    }
}
