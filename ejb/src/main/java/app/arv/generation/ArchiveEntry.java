package app.arv.generation;

import app.arv.persistence.media.MediaResource;

/** One file of a job's archive: its name inside the ZIP and the stored object (a finished model's GLB or its preview). */
public record ArchiveEntry(String name, MediaResource stored) {
}
