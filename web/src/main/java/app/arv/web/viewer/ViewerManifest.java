package app.arv.web.viewer;

import app.arv.marker.ViewerService;
import app.arv.persistence.marker.ArContent;

/**
 * The public view of AR content: what the viewer page needs to track and overlay, and nothing about
 * the customer or the order.
 */
public record ViewerManifest(String uniqueId, String title, String mindUrl, int targetWidth, int targetHeight,
                             Overlay overlay) {

    public record Overlay(String kind, String url, String mediaType) {
    }

    static ViewerManifest of(ViewerService.Showing showing) {
        ArContent c = showing.content();
        String base = "/api/v1/viewer/" + c.getUniqueId();
        Overlay overlay = showing.overlay().map(o -> new Overlay(c.getOverlayKind().name().toLowerCase(), base + "/overlay",
                o.getMediaType())).orElse(null);
        Integer width = showing.marker().getWidth();
        Integer height = showing.marker().getHeight();
        return new ViewerManifest(c.getUniqueId(), c.getTitle(), base + "/marker.mind", width == null ? 0 : width,
                height == null ? 0 : height, overlay);
    }
}
