package app.arv.persistence.media;

/**
 * A resource of the media library with how many owners use it besides the library itself (AR content, projects,
 * generation items...): content is stored once per organization, so one upload may serve several of them.
 */
public record LibraryItem(MediaResource resource, long usedBy) {
}
