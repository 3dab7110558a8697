package app.arv.generation;

import app.arv.persistence.media.MediaResource;

/** One finished model of a job's archive: its name inside the ZIP and the stored GLB. */
public record ArchiveEntry(String name, MediaResource model) {
}
