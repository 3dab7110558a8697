package app.arv.web.viewer;

import app.arv.marker.ViewerService;
import app.arv.persistence.marker.ArContent;
import app.arv.web.Links;
import app.arv.web.json.SnakeCaseEnum;

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
        Overlay overlay = showing.overlay().map(o -> new Overlay(SnakeCaseEnum.name(c.getOverlayKind()), Links.viewerOverlay(c.getUniqueId()),
                o.getMediaType())).orElse(null);
        Integer width = showing.marker().getWidth();
        Integer height = showing.marker().getHeight();
        return new ViewerManifest(c.getUniqueId(), c.getTitle(), Links.viewerMarker(c.getUniqueId()), width == null ? 0 : width,
                height == null ? 0 : height, overlay);
    }
}
