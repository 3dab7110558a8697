package app.arv.marker;

import app.arv.events.LiveEvents;
import app.arv.events.OrganizationEventHub;
import app.arv.events.RedisKeys;
import app.arv.persistence.marker.ArContent;
import app.arv.shared.Jsonp;
import app.arv.shared.WireName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Marker status changes on Redis pub/sub: {@code arv:org:<organization>:markers} for an
 * organization's dashboards and {@code arv:ar-content:<id>} for one item. Published after the
 * commit ({@link LiveEvents}), so a listener that reacts by reading the API sees the new state; a Redis outage costs
 * the notification, never the status change itself.
 */
@ApplicationScoped
public class MarkerEvents {

    @Inject
    LiveEvents live;

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
                .add("marker_status", WireName.of(content.getMarkerStatus()))
                .add("failure", content.getMarkerFailure() == null ? "" : content.getMarkerFailure())
                .build().toString();
        live.publish("Marker status of " + content.getId(), message, organizationChannel(content.getOrganizationId()),
                contentChannel(content.getId()));
    }
}
