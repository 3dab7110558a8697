package app.arv.marker;

import app.arv.events.AfterCommit;
import app.arv.events.OrganizationEventHub;
import app.arv.events.RedisConnection;
import app.arv.events.RedisKeys;
import app.arv.persistence.marker.ArContent;
import app.arv.shared.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marker status changes on Redis pub/sub: {@code arv:org:<organization>:markers} for an
 * organization's dashboards and {@code arv:ar-content:<id>} for one item. Published after the
 * commit, so a listener that reacts by reading the API sees the new state; a Redis outage costs
 * the notification, never the status change itself.
 */
@ApplicationScoped
public class MarkerEvents {

    private static final Logger LOG = Logger.getLogger(MarkerEvents.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    AfterCommit afterCommit;

    /** The events' source on the organization's channel ({@link OrganizationEventHub}, WebSocket clients). */
    public static final String ORGANIZATION_SOURCE = "markers";

    private static String organizationChannel(UUID organizationId) {
        return OrganizationEventHub.channel(organizationId, ORGANIZATION_SOURCE);
    }

    public static String contentChannel(UUID contentId) {
        return RedisKeys.AR_CONTENT_EVENTS.key(contentId);
    }

    public void statusChanged(ArContent content) {
        String message = Jsonp.createObjectBuilder()
                .add("id", content.getId().toString())
                .add("unique_id", content.getUniqueId())
                .add("marker_status", content.getMarkerStatus().name().toLowerCase(Locale.ROOT))
                .add("failure", content.getMarkerFailure() == null ? "" : content.getMarkerFailure())
                .build().toString();
        UUID org = content.getOrganizationId();
        UUID id = content.getId();
        Runnable publish = () -> {
            try {
                redis.client().publish(organizationChannel(org), message);
                redis.client().publish(contentChannel(id), message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Marker status of " + id + " not published to Redis", e);
            }
        };
        afterCommit.run(publish);
    }
}
