package app.arv.platform;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetadataBuilder;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * ARV's own metrics (application scope: {@code /metrics?scope=application}), each name and what it counts in one place.
 * The description is the metric's {@code # HELP} line, and the README's metrics table lists every one by its Prometheus
 * name with the same description (a test keeps the two together).
 */
public enum ApplicationMetric {

    // API requests
    HTTP_REQUESTS("arv_http_requests", "Requests to the REST resources answered, per method, route template (endpoint) and status"),
    HTTP_REQUEST_DURATION("arv_http_request_duration", Kind.TIMER, "How long requests to the REST resources took to answer, per method and route template"),

    // People, organizations, keys, projects
    LOGINS("arv_logins", "Sign-ins with a password, per outcome: success, refused, throttled"),
    ORGANIZATIONS_OPENED("arv_organizations_opened", "Organizations opened, by a platform admin or by sign-up"),
    API_KEYS_ISSUED("arv_api_keys_issued", "API keys issued"),
    PROJECTS_CREATED("arv_projects_created", "Projects created"),

    // AR markers
    AR_CONTENT_CREATED("arv_ar_content_created", "AR contents created (a batch upload creates one per portrait)"),
    MARKERS_COMPILED("arv_markers_compiled", "Markers compiled ready"),
    MARKERS_FAILED("arv_markers_failed", "Markers whose compilation failed (their reason on the AR content)"),

    // Image to 3D
    GENERATION_JOBS_ACCEPTED("arv_generation_jobs_accepted", "Image-to-3D jobs accepted"),
    GENERATION_JOBS_CANCELLED("arv_generation_jobs_cancelled", "Image-to-3D jobs cancelled"),
    GENERATION_ITEMS_QUEUED("arv_generation_items_queued", "Images queued for a 3D model"),
    GENERATION_ITEMS_RETRIED("arv_generation_items_retried", "Failed images sent again by a member"),
    GENERATION_ITEMS_COMPLETED("arv_generation_items_completed", "Images whose 3D model was made and stored"),
    GENERATION_ITEMS_FAILED("arv_generation_items_failed", "Images whose 3D model could not be made"),
    GENERATION_MILLIS("arv_generation_millis_total", "Milliseconds the workers spent on generations that succeeded"),

    // Media and storage
    MEDIA_STORED("arv_media_stored", "Uploaded files stored (an identical file already stored is not stored again)"),
    MEDIA_STORED_BYTES("arv_media_stored_bytes", "Bytes of the uploaded files stored (their thumbnails not counted)"),
    MEDIA_DEDUPLICATED("arv_media_deduplicated", "Uploaded files answered with the identical file already stored"),
    MEDIA_REFUSED("arv_media_refused", "Uploaded files refused (not an image, too large, unreadable)"),
    MEDIA_OBJECTS_DELETED("arv_media_objects_deleted", "Stored objects deleted from their store"),
    MEDIA_DELETION_FAILURES("arv_media_deletion_failures", "Deletions a store refused (tried again later)"),
    MEDIA_DELETIONS_DEAD_LETTERED("arv_media_deletions_dead_lettered", "Deletions parked as dead letters after their attempts"),
    MEDIA_ORPHAN_SCANS("arv_media_orphan_scans", "Orphan scans run"),
    MEDIA_ORPHANS_REMOVED("arv_media_orphans_removed", "Stored files nothing used any more, retired by the orphan scan"),
    MEDIA_UPLOADS_ABANDONED("arv_media_uploads_abandoned", "Direct uploads never completed, removed once expired"),
    MEDIA_UPLOAD_REMOVALS_REFUSED("arv_media_upload_removals_refused", "Removals of expired direct uploads a store refused"),

    // Mail and webhooks
    MAIL_ATTEMPTS("arv_mail_attempts", "Mail sending attempts, per outcome: sent, retrying, dead, lost (a claim taken over)"),
    WEBHOOK_ATTEMPTS("arv_webhook_attempts", "Webhook delivery attempts, per outcome: delivered, retrying, dead, lost");

    /** What the metric is: a count that only grows, or a timer of durations. */
    public enum Kind {
        COUNTER, TIMER
    }

    private final String name;
    private final Kind kind;
    private final String description;
    /** Built once: every increment of a counter (every request, for the HTTP ones) presents it to the registry. */
    private final Metadata metadata;

    ApplicationMetric(String name, String description) {
        this(name, Kind.COUNTER, description);
    }

    ApplicationMetric(String name, Kind kind, String description) {
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.metadata = metadata(name, kind, description);
    }

    /** The name Prometheus shows: {@code _total} added to a counter's that lacks it, {@code _seconds} to a timer's. */
    public String prometheusName() {
        if (kind == Kind.TIMER) {
            return name + "_seconds";
        }
        return name.endsWith("_total") ? name : name + "_total";
    }

    public String description() {
        return description;
    }

    /** The counter of these tags, registered with this metric's description. */
    public Counter counter(MetricRegistry registry, Tag... tags) {
        requireKind(Kind.COUNTER);
        return registry.counter(metadata, tags);
    }

    /** The timer of these tags, registered with this metric's description. */
    public Timer timer(MetricRegistry registry, Tag... tags) {
        requireKind(Kind.TIMER);
        return registry.timer(metadata, tags);
    }

    private void requireKind(Kind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException(name + " is a " + kind + ", not a " + wanted);
        }
    }

    /** A timer's unit is said: without one, Prometheus would show nanoseconds under the bare name instead of seconds. */
    private static Metadata metadata(String name, Kind kind, String description) {
        MetadataBuilder metadata = Metadata.builder().withName(name).withDescription(description);
        return (kind == Kind.TIMER ? metadata.withUnit(MetricUnits.NANOSECONDS) : metadata).build();
    }
}
