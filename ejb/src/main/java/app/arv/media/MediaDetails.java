package app.arv.media;

import app.arv.persistence.media.MediaResource;

import java.util.List;

/**
 * A resource as its owners see it: with the thumbnails made from it (smallest first).
 *
 * @param usedBy how many owners use it besides the media library (AR content, generation items...)
 */
public record MediaDetails(MediaResource resource, List<MediaResource> thumbnails, long usedBy) {
}
