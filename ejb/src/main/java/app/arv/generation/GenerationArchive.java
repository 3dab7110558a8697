package app.arv.generation;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * What a job's ZIP holds: its finished models and their previews ({@code files}, streamed from the store one after the
 * other), and {@code manifest.json} ({@link #MANIFEST}) naming every item of the job with its status — so an archive
 * of a job still running, or with failed items, says which models it lacks and why instead of leaving gaps in the
 * numbering to guess from.
 */
public record GenerationArchive(JsonObject manifest, List<ArchiveEntry> files) {

    public static final String MANIFEST = "manifest.json";
}
