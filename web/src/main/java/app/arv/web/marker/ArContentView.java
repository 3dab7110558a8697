package app.arv.web.marker;

import app.arv.marker.QualityJson;
import app.arv.persistence.marker.ArContent;
import app.arv.web.Links;
import app.arv.web.json.SnakeCaseEnum;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * AR content as its organization sees it (the public viewer sees far less: see the viewer manifest).
 *
 * @param viewsLast30Days viewer views in the last 30 days (UTC, today included); only when one content is asked for, else null
 */
public record ArContentView(UUID id, String uniqueId, UUID projectId, String title, String orderNumber, String customerName,
        String customerEmail, String customerPhone, UUID sourceMediaId, MarkerView marker,
        OverlayView overlay, Instant activeFrom, Instant activeUntil, Instant expiresAt,
        boolean published, long viewsCount, String viewerUrl, Instant createdAt, Instant updatedAt,
        @JsonbProperty("views_last_30_days") Long viewsLast30Days) {

    public record MarkerView(String status, String failure, UUID mediaId, String fileUrl, Integer score, String verdict,
            Integer width, Integer height, int compilations, Instant requestedAt, Instant compiledAt,
            JsonObject quality) {

        static MarkerView of(ArContent c) {
            return new MarkerView(SnakeCaseEnum.name(c.getMarkerStatus()), c.getMarkerFailure(), c.getMarkerMediaId(),
                    c.getMarkerMediaId() == null ? null : Links.markerFile(c.getId()),
                    c.getMarkerScore(), c.getMarkerVerdict(), c.getMarkerWidth(), c.getMarkerHeight(),
                    c.getMarkerCompilations(), c.getMarkerRequestedAt(), c.getMarkerCompiledAt(),
                    c.getMarkerQuality() == null ? null : QualityJson.parse(c.getMarkerQuality()));
        }
    }

    public record OverlayView(UUID mediaId, String kind, String contentUrl) {
    }

    static ArContentView of(ArContent c) {
        return of(c, null);
    }

    static ArContentView of(ArContent c, Long viewsLast30Days) {
        OverlayView overlay = c.getOverlayMediaId() == null
                ? null
                : new OverlayView(c.getOverlayMediaId(),
                        SnakeCaseEnum.name(c.getOverlayKind()), Links.mediaContent(c.getOverlayMediaId()));
        return new ArContentView(c.getId(), c.getUniqueId(), c.getProjectId(), c.getTitle(), c.getOrderNumber(),
                c.getCustomerName(), c.getCustomerEmail(), c.getCustomerPhone(), c.getSourceMediaId(), MarkerView.of(c),
                overlay, c.getActiveFrom(), c.getActiveUntil(), c.getExpiresAt(), c.isPublished(), c.getViewsCount(),
                Links.viewerPage(c.getUniqueId()), c.getCreatedAt(), c.getUpdatedAt(), viewsLast30Days);
    }
}
