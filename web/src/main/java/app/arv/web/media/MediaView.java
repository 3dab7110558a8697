package app.arv.web.media;

import app.arv.media.MediaDetails;
import app.arv.persistence.media.MediaResource;
import app.arv.web.Links;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A media resource as clients see it; the storage key stays internal.
 *
 * @param usedBy how many owners use the file besides the library (AR content, generation items...): deleting it from the
 *               library keeps the file for them. Given by {@code GET /media} and {@code GET /media/{id}}; null in upload answers.
 */
public record MediaView(UUID id, String sha256, long sizeBytes, String mediaType, String originalName, Integer width,
        Integer height, UUID storageConnectionId, Instant createdAt, String contentUrl,
        List<ThumbnailView> thumbnails, Long usedBy) {

    public record ThumbnailView(UUID id, int width, int height, long sizeBytes, String mediaType, String contentUrl) {

        static ThumbnailView of(MediaResource t) {
            return new ThumbnailView(t.getId(), t.getWidth(), t.getHeight(), t.getSizeBytes(), t.getMediaType(), MediaView.contentUrl(t));
        }
    }

    static MediaView of(MediaDetails details) {
        return of(details.resource(), details.thumbnails().stream().map(ThumbnailView::of).toList(), details.usedBy());
    }

    /** What was just stored: neither thumbnails nor uses looked up. */
    static MediaView summary(MediaResource r) {
        return of(r, null, null);
    }

    private static MediaView of(MediaResource r, List<ThumbnailView> thumbnails, Long usedBy) {
        return new MediaView(r.getId(), r.getSha256(), r.getSizeBytes(), r.getMediaType(), r.getOriginalName(), r.getWidth(),
                r.getHeight(), r.getStorageConnectionId(), r.getCreatedAt(), contentUrl(r), thumbnails, usedBy);
    }

    static String contentUrl(MediaResource r) {
        return Links.mediaContent(r.getId());
    }
}
