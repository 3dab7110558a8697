package app.arv.web.generation;

import app.arv.generation.JobDetails;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.web.Links;
import app.arv.web.json.SnakeCaseEnum;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A generation job as clients see it; {@code items} and {@code counts} only where the job is shown alone.
 * Its enums are written in snake_case ({@link SnakeCaseEnum}), and described as the text they are.
 */
public record GenerationView(UUID id,
        @JsonbTypeSerializer(SnakeCaseEnum.class) @Schema(implementation = String.class) GenerationStatus status,
        String provider,
        @JsonbTypeSerializer(SnakeCaseEnum.class) @Schema(implementation = String.class) GenerationPriority priority,
        int faceLimit,
        @JsonbTypeSerializer(SnakeCaseEnum.class) @Schema(implementation = String.class) TextureQuality texture,
        UUID projectId, int itemCount, Counts counts, Integer progress, Instant createdAt,
        Instant finishedAt, String archiveUrl, List<ItemView> items) {

    public record Counts(long queued, long processing, long completed, long failed, long cancelled) {

        static Counts of(Map<GenerationStatus, Long> counts) {
            return new Counts(counts.get(GenerationStatus.QUEUED), counts.get(GenerationStatus.PROCESSING),
                    counts.get(GenerationStatus.COMPLETED), counts.get(GenerationStatus.FAILED),
                    counts.get(GenerationStatus.CANCELLED));
        }
    }

    public record ItemView(UUID id, int position,
            @JsonbTypeSerializer(SnakeCaseEnum.class) @Schema(implementation = String.class) GenerationStatus status,
            int progress, String stage, String error,
            UUID sourceMediaId, String sourceName, int attempts, String node, String modelUrl, String usdzUrl, String previewUrl,
            Instant startedAt, Instant finishedAt) {

        /** @param sourceName the name its source image was uploaded under, shown beside its number */
        static ItemView of(GenerationItem item, String sourceName) {
            return new ItemView(item.getId(), item.getPosition(), item.getStatus(), item.getProgress(), item.getStage(),
                    item.getError(), item.getSourceMediaId(), sourceName, item.getAttempts(), item.getNode(),
                    item.getModelMediaId() == null ? null : Links.generationModel(item.getJobId(), item.getId()),
                    item.getModelMediaId() == null ? null : Links.generationUsdz(item.getJobId(), item.getId()),
                    item.getPreviewMediaId() == null ? null : Links.generationPreview(item.getJobId(), item.getId()),
                    item.getStartedAt(), item.getFinishedAt());
        }
    }

    public static GenerationView of(JobDetails details) {
        GenerationJob job = details.job();
        boolean anyModel = details.counts().get(GenerationStatus.COMPLETED) > 0;
        return new GenerationView(job.getId(), job.getStatus(), job.getProvider(), job.getPriority(),
                job.getFaceLimit(), job.getTexture(), job.getProjectId(), job.getItemCount(), Counts.of(details.counts()),
                details.progressPercent(), job.getCreatedAt(), job.getFinishedAt(),
                anyModel ? Links.generationArchive(job.getId()) : null,
                details.items().stream().map(item -> ItemView.of(item, details.sourceName(item))).toList());
    }

    public static GenerationView summary(GenerationJob job) {
        return new GenerationView(job.getId(), job.getStatus(), job.getProvider(), job.getPriority(),
                job.getFaceLimit(), job.getTexture(), job.getProjectId(), job.getItemCount(), null, null,
                job.getCreatedAt(), job.getFinishedAt(), null, null);
    }
}
