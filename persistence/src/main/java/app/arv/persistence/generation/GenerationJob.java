package app.arv.persistence.generation;

import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One request to turn images into 3D models: the options every item is generated with, and the overall status. */
@Entity
@Table(name = "generation_job")
public class GenerationJob extends TenantEntity {

    @Column(name = "project_id", updatable = false)
    private UUID projectId;

    @Column(nullable = false, length = 32, updatable = false)
    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private GenerationPriority priority;

    @Column(name = "face_limit", nullable = false, updatable = false)
    private int faceLimit;

    @Convert(converter = TextureColumn.class)
    @Column(nullable = false, length = 16, updatable = false)
    private TextureQuality texture;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private GenerationStatus status;

    @Column(name = "item_count", nullable = false, updatable = false)
    private int itemCount;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    protected GenerationJob() {
    }

    public GenerationJob(UUID organizationId, UUID projectId, String provider, GenerationPriority priority,
            GenerationOptions options, int itemCount) {
        super(UUID.randomUUID(), organizationId);
        this.projectId = projectId;
        this.provider = provider;
        this.priority = priority;
        this.faceLimit = options.faceLimit();
        this.texture = options.texture();
        this.itemCount = itemCount;
        this.status = GenerationStatus.QUEUED;
    }

    /** Sets the status the items add up to; the time of the first final status is kept. */
    public void settle(GenerationStatus status) {
        this.status = status;
        if (status.isFinal() && finishedAt == null) {
            finishedAt = AuditedEntity.now();
        }
    }

    /**
     * Settles the job on what its items add up to, given how many are in each status: once every item
     * is final, completed if any model was made, cancelled if all were cancelled, failed otherwise;
     * before that, processing as soon as any item has left the queue. True when this made the job final
     * (the moment its {@code completed} event is due).
     */
    public boolean settleOn(Map<GenerationStatus, Long> itemCounts) {
        boolean wasFinal = status.isFinal();
        long completed = itemCounts.getOrDefault(GenerationStatus.COMPLETED, 0L);
        long cancelled = itemCounts.getOrDefault(GenerationStatus.CANCELLED, 0L);
        long finished = completed + cancelled + itemCounts.getOrDefault(GenerationStatus.FAILED, 0L);
        if (finished == itemCount) {
            settle(completed > 0
                    ? GenerationStatus.COMPLETED
                    : cancelled == finished ? GenerationStatus.CANCELLED : GenerationStatus.FAILED);
        } else if (itemCounts.getOrDefault(GenerationStatus.QUEUED, 0L) < itemCount) {
            settle(GenerationStatus.PROCESSING);
        }
        return status.isFinal() && !wasFinal;
    }

    /** An item of a finished job is queued again: the job runs until that item is final too. */
    public void reopen() {
        this.status = GenerationStatus.PROCESSING;
        this.finishedAt = null;
    }

    /** The person who started it, told how it ends ({@code null}: an API key); set before it is stored. */
    public void createdBy(UUID userId) {
        this.createdBy = userId;
    }

    public UUID getCreatedBy() { return createdBy; }

    public UUID getProjectId() { return projectId; }

    public String getProvider() { return provider; }

    public GenerationPriority getPriority() { return priority; }

    public int getFaceLimit() { return faceLimit; }

    public TextureQuality getTexture() { return texture; }

    /** What every item of the job is generated with. */
    public GenerationOptions options() {
        return new GenerationOptions(faceLimit, texture);
    }

    public GenerationStatus getStatus() { return status; }

    public int getItemCount() { return itemCount; }

    public Instant getFinishedAt() { return finishedAt; }
}
