package app.arv.persistence.generation;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One source image of a job and the model made from it. */
@Entity
@Table(name = "generation_item")
public class GenerationItem extends TenantEntity {

    public static final int MAX_ERROR_CHARS = 1000;
    /** The stage of an item whose attempt an outage of ARV's own stopped, while its message waits the outage out. */
    public static final String WAITING = "waiting";

    @Column(name = "job_id", nullable = false, updatable = false)
    private UUID jobId;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(name = "source_media_id", nullable = false, updatable = false)
    private UUID sourceMediaId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private GenerationStatus status;

    @Column(nullable = false)
    private int progress;

    @Column(length = 32)
    private String stage;

    @Column(length = MAX_ERROR_CHARS)
    private String error;

    @Column(name = "model_media_id")
    private UUID modelMediaId;

    @Column(name = "preview_media_id")
    private UUID previewMediaId;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "node", length = 64)
    private String node;

    /**
     * The request a paid provider accepted for this item (its own JSON), kept across the deliveries of the
     * item's message so a later attempt resumes it instead of paying again; null until one is accepted.
     */
    @Column(name = "provider_request", columnDefinition = "text")
    private String providerRequest;

    /**
     * The id of the queue message whose worker took the item (each message of an item has its own): only a redelivery
     * of that message takes it again. Null while nobody has, or when it was taken before messages had ids.
     */
    @Column(name = "claimed_by")
    private UUID claimedBy;

    /** When the reaper sent the item's message again, the first presumed lost; null while it has not. */
    @Column(name = "resent_at")
    private Instant resentAt;

    /**
     * Workers, the cancel request and the reaper change an item in separate transactions; a change made
     * from a stale read (a progress report racing a cancel) fails rather than undoing the other.
     */
    @Version
    private long version;

    /**
     * The month (its first day) whose generation quotas the current attempt was counted in; null for an item accepted
     * before it was kept. What a cancel gives back to ({@link #givesBackItsCount}).
     */
    @Column(name = "counted_in")
    private LocalDate countedIn;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected GenerationItem() {
    }

    public GenerationItem(UUID organizationId, UUID jobId, int position, UUID sourceMediaId) {
        super(UUID.randomUUID(), organizationId);
        this.jobId = jobId;
        this.position = position;
        this.sourceMediaId = sourceMediaId;
        this.status = GenerationStatus.QUEUED;
    }

    /**
     * Whether the worker of {@code message} may take the item: a queued item, or a processing one this same message
     * took before (delivered again after its attempt broke, or after its node died). Another message of a processing
     * item (a re-sent one that crossed the first, a duplicate) may not: the model would be made twice, and paid twice.
     * A message without an id, or an item taken by one, is from before messages had ids: taken as it always was.
     */
    public boolean mayBeTakenBy(UUID message) {
        return status == GenerationStatus.QUEUED
                || status == GenerationStatus.PROCESSING && (message == null || claimedBy == null || claimedBy.equals(message));
    }

    /**
     * A worker on {@code node}, holding {@code message}, takes the item (again, after a redelivery): the attempt is counted.
     *
     * @throws IllegalStateException when that message may not take it ({@link #mayBeTakenBy})
     */
    public void start(String node, UUID message) {
        if (!mayBeTakenBy(message)) {
            throw new IllegalStateException("Item " + getId() + " is " + status + (claimedBy == null ? "" : " (taken by message " + claimedBy + ")")
                    + "; message " + message + " may not take it");
        }
        claimedBy = message;
        status = GenerationStatus.PROCESSING;
        attempts++;
        this.node = node;
        progress = 0;
        stage = "started";
        if (startedAt == null) {
            startedAt = AuditedEntity.now();
        }
    }

    public void advance(int percent, String stage) {
        this.progress = percentOf(percent);
        this.stage = stage;
    }

    /** Whether the item shows this progress already: {@link #advance} to it would change nothing. */
    public boolean shows(int percent, String stage) {
        return progress == percentOf(percent) && Objects.equals(this.stage, stage);
    }

    private static int percentOf(int percent) {
        return Math.max(0, Math.min(100, percent));
    }

    /** An attempt broke and another will follow: the reason is kept, the item stays processing. */
    public void attemptFailed(String reason) {
        this.error = truncate(reason);
        this.stage = "retrying";
    }

    /**
     * The attempt was stopped by a dependency of ARV's own that is away (the object store, the database), not by the
     * item or its provider: it is not counted, the reason is kept and shown while the item waits, and the item stays
     * taken by its message, whose later delivery tries again. An attempt stopped after its provider was called keeps
     * some progress (at least 1), so that {@link #givesBackItsCount} can tell it from one stopped before: a paid provider
     * may have been asked, and paid, already.
     *
     * @param providerCalled whether the attempt had got as far as calling its provider
     */
    public void attemptStoppedByOutage(String reason, boolean providerCalled) {
        this.attempts = Math.max(0, attempts - 1);
        this.progress = providerCalled ? Math.max(1, progress) : 0;
        this.error = truncate(reason);
        this.stage = WAITING;
    }

    public void complete(UUID modelMediaId, UUID previewMediaId) {
        this.status = GenerationStatus.COMPLETED;
        this.modelMediaId = modelMediaId;
        this.previewMediaId = previewMediaId;
        this.progress = 100;
        this.stage = "done";
        this.error = null;
        this.finishedAt = AuditedEntity.now();
    }

    /** Its current attempt was counted against this month's generation quotas (accepted, or retried). */
    public void countedIn(LocalDate month) {
        this.countedIn = month;
    }

    /**
     * Whether ending the item now without a model (cancelled, or failed) gives back what its current attempt was counted
     * for against the month's quotas; the one rule of every path that ends an item so. A free provider's item does:
     * nothing was made of it. A paid provider's item only while its provider was never reached: no request of it is
     * recorded, and either no worker has taken its current attempt, or an outage of ARV's own stopped that attempt
     * before it called the provider ({@link #attemptStoppedByOutage}: stage {@value #WAITING}, no progress) — so the
     * outage outlasting ARV's patience, or a cancel while the item waits, gives the count back. One a worker took
     * otherwise may have been submitted already, and is paid for, so it keeps its count. An item already ended gave back
     * whatever it was to give when it ended.
     *
     * @param paid whether its job's provider is paid for
     */
    public boolean givesBackItsCount(boolean paid) {
        if (countedIn == null || status.isFinal()) {
            return false;
        }
        return !paid || providerRequest == null && (status == GenerationStatus.QUEUED || stoppedBeforeItsProvider());
    }

    /** Whether an outage stopped the item's current attempt before it called the provider ({@link #attemptStoppedByOutage}). */
    private boolean stoppedBeforeItsProvider() {
        return status == GenerationStatus.PROCESSING && WAITING.equals(stage) && progress == 0;
    }

    /** Taken out of the job: a worker that is still making it drops its result. */
    public void cancel() {
        this.status = GenerationStatus.CANCELLED;
        this.stage = "cancelled";
        this.finishedAt = AuditedEntity.now();
    }

    /** The provider accepted this request for the item: a later attempt resumes it. */
    public void recordProviderRequest(String request) {
        this.providerRequest = request;
    }

    /**
     * A failed item goes back to the queue; its attempts keep counting. It is a new attempt the client
     * decided on (and pays for): the provider's earlier request is not resumed.
     */
    public void requeue() {
        this.providerRequest = null;
        this.claimedBy = null;
        this.resentAt = null;
        this.status = GenerationStatus.QUEUED;
        this.progress = 0;
        this.stage = null;
        this.error = null;
        this.finishedAt = null;
    }

    /**
     * Whether a worker took the item and has not changed it since {@code before}: its node died or hung. An item whose
     * attempt an outage stopped (stage {@value #WAITING}) is left alone until {@code waitingBefore}: its message waits the
     * outage out, unseen by the item, for up to the outage patience, and fails it itself after that.
     */
    public boolean stoppedReportingBefore(Instant before, Instant waitingBefore) {
        return status == GenerationStatus.PROCESSING && getUpdatedAt().isBefore(WAITING.equals(stage) ? waitingBefore : before);
    }

    /**
     * Whether the item waits for a message that was most likely lost: still queued, its message sent before
     * {@code sentBefore} and never re-sent. Its message is then sent again ({@link #resent}).
     */
    public boolean awaitsLostMessage(Instant sentBefore) {
        return status == GenerationStatus.QUEUED && resentAt == null && getUpdatedAt().isBefore(sentBefore);
    }

    /** Whether the item is still queued although its message was re-sent before {@code resentBefore}: both were lost. */
    public boolean lostItsMessages(Instant resentBefore) {
        return status == GenerationStatus.QUEUED && resentAt != null && resentAt.isBefore(resentBefore);
    }

    /** Its message is sent again: whichever of the two messages comes first takes the item, the other is dropped. */
    public void resent(Instant at) {
        if (status != GenerationStatus.QUEUED || resentAt != null) {
            throw new IllegalStateException("Only a queued item's message is re-sent, and once: item " + getId() + " is " + status);
        }
        resentAt = AuditedEntity.stored(at);
    }

    public void fail(String reason) {
        this.status = GenerationStatus.FAILED;
        this.error = truncate(reason == null ? "unknown failure" : reason);
        this.stage = "failed";
        this.finishedAt = AuditedEntity.now();
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= MAX_ERROR_CHARS ? reason : reason.substring(0, MAX_ERROR_CHARS);
    }

    public UUID getJobId() { return jobId; }

    public int getPosition() { return position; }

    public UUID getSourceMediaId() { return sourceMediaId; }

    public GenerationStatus getStatus() { return status; }

    public int getProgress() { return progress; }

    public String getStage() { return stage; }

    public String getError() { return error; }

    public UUID getModelMediaId() { return modelMediaId; }

    public UUID getPreviewMediaId() { return previewMediaId; }

    public int getAttempts() { return attempts; }

    /**
     * How many times the item was changed and written: grows with every write, so of two states of the item the later
     * one has the larger version (a job's events are ordered by it). The one written by the last flush.
     */
    public long getVersion() { return version; }

    /** The server node that took the item last, or null while nobody has. */
    public String getNode() { return node; }

    /** The provider's request of the current attempt, or null while none was accepted. */
    public String getProviderRequest() { return providerRequest; }

    /** The id of the message whose worker took the item, or null. */
    public UUID getClaimedBy() { return claimedBy; }

    /** When the reaper re-sent the item's message, or null. */
    public Instant getResentAt() { return resentAt; }

    public LocalDate getCountedIn() { return countedIn; }

    public Instant getStartedAt() { return startedAt; }

    public Instant getFinishedAt() { return finishedAt; }
}
