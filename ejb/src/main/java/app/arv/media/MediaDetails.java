package app.arv.media;

import app.arv.persistence.media.MediaResource;

import java.util.List;

/** A resource as its owners see it: with the thumbnails made from it (smallest first). */
public record MediaDetails(MediaResource resource, List<MediaResource> thumbnails) {
}
