package app.arv.generation;

import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.shared.Jsonp;
import app.arv.shared.WireName;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Map;

/**
 * What the generation feature tells people and systems, as {@link Occurrence}s with their data (snake_case, as every
 * channel shows it). Built here, fired by the caller through {@code notification.Occurrences}; a job's live events for
 * its clients are {@link JobEvent}s, not these.
 */
public final class GenerationOccurrences {

    private GenerationOccurrences() {
    }

    /** A generation job reached a final status: how many of its items ended how; told to who started it, too. */
    public static Occurrence finished(GenerationJob job, Map<GenerationStatus, Long> counts) {
        JsonObjectBuilder data = Jsonp.createObjectBuilder()
                .add("generation_job_id", job.getId().toString())
                .add("status", WireName.of(job.getStatus()))
                .add("total", job.getItemCount())
                .add("completed", counts.getOrDefault(GenerationStatus.COMPLETED, 0L))
                .add("failed", counts.getOrDefault(GenerationStatus.FAILED, 0L))
                .add("cancelled", counts.getOrDefault(GenerationStatus.CANCELLED, 0L));
        if (job.getProjectId() == null) {
            data.add("project_id", JsonValue.NULL);
        } else {
            data.add("project_id", job.getProjectId().toString());
        }
        return new Occurrence(job.getOrganizationId(), OccurrenceType.GENERATION_FINISHED, job.getId(), Instant.now(), data.build(),
                job.getCreatedBy());
    }
}
