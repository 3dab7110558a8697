package app.arv.marker;

import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.shared.Jsonp;
import app.arv.shared.WireName;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.UUID;

/**
 * What the marker feature tells people and systems about its AR content, as {@link Occurrence}s with their data (the
 * snake_case details every channel shows, {@code ar_content_id}, {@code project_id} and {@code title} in each): a marker
 * settled, content expiring or expired. Each is told, besides the admins, to the person who created the content.
 * Built here, fired by the caller through {@code notification.Occurrences}.
 */
public final class MarkerOccurrences {

    private MarkerOccurrences() {
    }

    /** A marker compiled or failed (the content's status is READY or FAILED): ready, or failed with verdict and reasons. */
    public static Occurrence settled(ArContent content) {
        boolean ready = content.getMarkerStatus() == MarkerStatus.READY;
        JsonObjectBuilder data = contentData(content)
                .add("marker_status", WireName.of(content.getMarkerStatus()));
        addNullable(data, "verdict", content.getMarkerVerdict());
        if (content.getMarkerScore() != null) {
            data.add("score", content.getMarkerScore());
        }
        JsonArrayBuilder reasons = Jsonp.createArrayBuilder();
        if (content.getMarkerQuality() != null) {
            JsonArray found = Jsonp.readObject(content.getMarkerQuality()).getJsonArray("reasons");
            if (found != null) {
                found.forEach(reasons::add);
            }
        }
        data.add("reasons", reasons);
        if (!ready) {
            addNullable(data, "failure", content.getMarkerFailure());
        }
        return new Occurrence(content.getOrganizationId(), ready ? OccurrenceType.MARKER_READY : OccurrenceType.MARKER_FAILED,
                content.getId(), Instant.now(), data.build(), content.getCreatedBy());
    }

    /** The content expires within the warning period; to be told once per content and expiry date ({@link #expiryMark}). */
    public static Occurrence expiring(ArContent content) {
        return expiry(OccurrenceType.AR_CONTENT_EXPIRING, content);
    }

    /** The content's expiry date passed; to be told once per content and expiry date ({@link #expiryMark}). */
    public static Occurrence expired(ArContent content) {
        return expiry(OccurrenceType.AR_CONTENT_EXPIRED, content);
    }

    private static Occurrence expiry(OccurrenceType type, ArContent content) {
        return new Occurrence(content.getOrganizationId(), type, content.getId(), Instant.now(),
                contentData(content).add("expires_at", content.getExpiresAt().toString()).build(), content.getCreatedBy());
    }

    /** The once-only mark of an expiry occurrence: a new expiry date is a new mark, so it is told again. */
    public static String expiryMark(OccurrenceType type, UUID contentId, Instant expiresAt) {
        return type.wireName() + ":" + contentId + ":" + expiresAt.getEpochSecond();
    }

    private static JsonObjectBuilder contentData(ArContent content) {
        return Jsonp.createObjectBuilder()
                .add("ar_content_id", content.getId().toString())
                .add("project_id", content.getProjectId().toString())
                .add("title", content.getTitle());
    }

    private static void addNullable(JsonObjectBuilder data, String name, String value) {
        if (value == null) {
            data.add(name, JsonValue.NULL);
        } else {
            data.add(name, value);
        }
    }
}
