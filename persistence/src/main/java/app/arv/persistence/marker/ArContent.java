package app.arv.persistence.marker;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's portrait that becomes a MindAR target, with the overlay the public viewer plays on
 * it. The marker is compiled asynchronously by a batch job; {@link #getUniqueId()} is the public,
 * unguessable name under which the viewer finds it.
 * <p>
 * An update writes only the columns it changed ({@code @DynamicUpdate}): the compile job records its result in a
 * transaction that loaded the content when the chunk began, and a person may attach an overlay or edit the content
 * meanwhile. Writing every column, the later commit put back what the earlier one changed (seen: an overlay attached
 * while the marker compiled was gone once the marker was ready).
 */
@Entity
@Table(name = "ar_content")
@DynamicUpdate
public class ArContent extends TenantEntity {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "unique_id", nullable = false, updatable = false, length = 24)
    private String uniqueId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "order_number", length = 100)
    private String orderNumber;

    @Column(name = "customer_name", length = 200)
    private String customerName;

    @Column(name = "customer_email", length = 320)
    private String customerEmail;

    @Column(name = "customer_phone", length = 40)
    private String customerPhone;

    @Column(name = "source_media_id", nullable = false)
    private UUID sourceMediaId;

    @Enumerated(EnumType.STRING)
    @Column(name = "marker_status", nullable = false, length = 16)
    private MarkerStatus markerStatus;

    @Column(name = "marker_failure", length = 1000)
    private String markerFailure;

    @Column(name = "marker_media_id")
    private UUID markerMediaId;

    @Column(name = "marker_quality", columnDefinition = "text")
    private String markerQuality;

    @Column(name = "marker_score")
    private Integer markerScore;

    @Column(name = "marker_verdict", length = 16)
    private String markerVerdict;

    @Column(name = "marker_width")
    private Integer markerWidth;

    @Column(name = "marker_height")
    private Integer markerHeight;

    @Column(name = "marker_job_instance")
    private Long markerJobInstance;

    /** The execution that claimed the item: the batch runtime finds the job instance through it. */
    @Column(name = "marker_job_execution")
    private Long markerJobExecution;

    @Column(name = "marker_forced", nullable = false)
    private boolean markerForced;

    @Column(name = "marker_compilations", nullable = false)
    private int markerCompilations;

    @Column(name = "marker_requested_at", nullable = false)
    private Instant markerRequestedAt;

    /** When its compile request was sent again, a lost one being suspected; null until then. */
    @Column(name = "marker_resent_at")
    private Instant markerResentAt;

    @Column(name = "marker_compiled_at")
    private Instant markerCompiledAt;

    @Column(name = "overlay_media_id")
    private UUID overlayMediaId;

    @Enumerated(EnumType.STRING)
    @Column(name = "overlay_kind", length = 8)
    private OverlayKind overlayKind;

    @Column(name = "active_from")
    private Instant activeFrom;

    @Column(name = "active_until")
    private Instant activeUntil;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(nullable = false)
    private boolean published;

    @Column(name = "views_count", nullable = false)
    private long viewsCount;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    /** Moved by every change of what people edit, not by the compile job's writes (see {@link #revision()}). */
    @Column(name = "details_revision", nullable = false)
    private long detailsRevision;

    protected ArContent() {
    }

    public ArContent(UUID organizationId, UUID projectId, String title, UUID sourceMediaId) {
        super(UUID.randomUUID(), organizationId);
        this.projectId = projectId;
        this.uniqueId = newUniqueId();
        this.title = title;
        this.sourceMediaId = sourceMediaId;
        this.published = true;
        requestMarker();
    }

    /** 128 random bits in base62 (22 characters): not guessable, not derived from the row id. */
    static String newUniqueId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        BigInteger value = new BigInteger(1, bytes);
        StringBuilder out = new StringBuilder();
        BigInteger base = BigInteger.valueOf(62);
        while (out.length() < 22) {
            BigInteger[] qr = value.divideAndRemainder(base);
            out.append(BASE62.charAt(qr[1].intValue()));
            value = qr[0];
        }
        return out.toString();
    }

    /** Back to pending: a new portrait or an explicit regeneration; the previous marker stays until replaced. */
    public void requestMarker() {
        markerStatus = MarkerStatus.PENDING;
        markerFailure = null;
        markerJobInstance = null;
        markerJobExecution = null;
        markerRequestedAt = AuditedEntity.now();
        markerResentAt = null;
    }

    /**
     * Whether a marker rated {@code unusable} is built anyway (the caller accepted the risk with force=true);
     * set again with every portrait, so a new image is checked unless forced as well.
     */
    public void forceMarker(boolean forced) {
        markerForced = forced;
    }

    public boolean isMarkerForced() { return markerForced; }

    public void replaceSource(UUID mediaId) {
        detailsChanged(sourceMediaId, mediaId);
        sourceMediaId = mediaId;
        requestMarker();
    }

    public void markerReady(UUID mindMediaId, int width, int height, int score, String verdict, String qualityJson) {
        markerStatus = MarkerStatus.READY;
        markerFailure = null;
        markerMediaId = mindMediaId;
        recordQuality(width, height, score, verdict, qualityJson);
        markerCompilations++;
    }

    /** @param qualityJson the report when the compiler got as far as one, else {@code null} */
    public void markerFailed(String reason, Integer score, String verdict, String qualityJson) {
        markerStatus = MarkerStatus.FAILED;
        markerFailure = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        markerScore = score;
        markerVerdict = verdict;
        markerQuality = qualityJson;
        markerCompiledAt = AuditedEntity.now();
        markerCompilations++;
    }

    /**
     * Gives up on a compilation no job will ever finish (the job that claimed it was abandoned or given up): failed
     * with the reason, not counted as a compilation; compiling it again ({@link #requestMarker}) retries it.
     */
    public void compilationAbandoned(String reason) {
        markerStatus = MarkerStatus.FAILED;
        markerFailure = reason;
    }

    private void recordQuality(int width, int height, int score, String verdict, String qualityJson) {
        markerWidth = width;
        markerHeight = height;
        markerScore = score;
        markerVerdict = verdict;
        markerQuality = qualityJson;
        markerCompiledAt = AuditedEntity.now();
    }

    public void attachOverlay(UUID mediaId, OverlayKind kind) {
        detailsChanged(overlayMediaId, mediaId);
        overlayMediaId = mediaId;
        overlayKind = kind;
    }

    /** No overlay is active any more: the viewer shows the marker alone until another is attached. */
    public void clearOverlay() {
        detailsChanged(overlayMediaId, null);
        overlayMediaId = null;
        overlayKind = null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Over for good: past its expiry or the end of its active period. */
    public boolean hasEndedAt(Instant now) {
        return isExpiredAt(now) || activeUntil != null && !now.isBefore(activeUntil);
    }

    /** Publicly visible by its schedule: published, its active period started and not ended, not expired. */
    public boolean isShowingAt(Instant now) {
        return published && !hasEndedAt(now) && (activeFrom == null || !now.isBefore(activeFrom));
    }

    /**
     * What the public viewer may do with the content at that time. Ended content is {@link Visibility#GONE}
     * only while published: unpublished content must look like content that never existed.
     */
    public Visibility visibilityAt(Instant now) {
        if (published && hasEndedAt(now)) {
            return Visibility.GONE;
        }
        return isShowingAt(now) && markerMediaId != null ? Visibility.SHOWING : Visibility.HIDDEN;
    }

    /** An active period starts before it ends; either end may be open. */
    public boolean hasSaneSchedule() {
        return activeFrom == null || activeUntil == null || activeFrom.isBefore(activeUntil);
    }

    /** Still this job instance's to compile: a new portrait or another job's claim makes its result stale. */
    public boolean isCompilingFor(long jobInstance) {
        return markerStatus == MarkerStatus.COMPILING && markerJobInstance != null && markerJobInstance == jobInstance;
    }

    public void retitle(String title) {
        detailsChanged(this.title, title);
        this.title = title;
    }

    public void describeOrder(String orderNumber, String customerName, String customerEmail, String customerPhone) {
        detailsChanged(Arrays.asList(this.orderNumber, this.customerName, this.customerEmail, this.customerPhone),
                Arrays.asList(orderNumber, customerName, customerEmail, customerPhone));
        this.orderNumber = orderNumber;
        this.customerName = customerName;
        this.customerEmail = customerEmail;
        this.customerPhone = customerPhone;
    }

    /** The times as PostgreSQL keeps them ({@link AuditedEntity#stored}): a client's nanoseconds are not answered back. */
    public void schedule(Instant activeFrom, Instant activeUntil, Instant expiresAt) {
        List<Instant> before = Arrays.asList(this.activeFrom, this.activeUntil, this.expiresAt);
        this.activeFrom = AuditedEntity.stored(activeFrom);
        this.activeUntil = AuditedEntity.stored(activeUntil);
        this.expiresAt = AuditedEntity.stored(expiresAt);
        detailsChanged(before, Arrays.asList(this.activeFrom, this.activeUntil, this.expiresAt));
    }

    /** The person who created it, told how its marker and expiry turn out ({@code null}: an API key); set before it is stored. */
    public void createdBy(UUID userId) {
        this.createdBy = userId;
    }

    public void publish(boolean published) {
        detailsChanged(this.published, published);
        this.published = published;
    }

    /** A change of what people edit moves the details revision; setting what is already there does not. */
    private void detailsChanged(Object before, Object after) {
        if (!Objects.equals(before, after)) {
            detailsRevision++;
        }
    }

    /**
     * The row's state as a strong validator (HTTP {@code ETag}): the details revision (moved by changes people make only),
     * then the last change time to the microsecond, as PostgreSQL keeps it (so the value read back is the value written), which
     * every write of the row moves. Any change of what GET shows makes a new one; {@link #sameDetails} tells whether two
     * were taken of the same details.
     */
    public String revision() {
        Instant changed = getUpdatedAt();
        return detailsRevision + "-" + changed.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", changed.getNano() / 1000);
    }

    /**
     * Whether a {@link #revision()} the client read was of the details as they are now: only the compile job (status,
     * result, quality) wrote the row since. A value of another form (an earlier ETag, a made-up one) is not.
     */
    public boolean sameDetails(String revision) {
        int dash = revision.indexOf('-');
        return dash > 0 && revision.substring(0, dash).equals(Long.toString(detailsRevision));
    }

    public UUID getProjectId() { return projectId; }
    public String getUniqueId() { return uniqueId; }
    public String getTitle() { return title; }
    public String getOrderNumber() { return orderNumber; }
    public String getCustomerName() { return customerName; }
    public String getCustomerEmail() { return customerEmail; }
    public String getCustomerPhone() { return customerPhone; }
    public UUID getSourceMediaId() { return sourceMediaId; }
    public MarkerStatus getMarkerStatus() { return markerStatus; }
    public String getMarkerFailure() { return markerFailure; }
    public UUID getMarkerMediaId() { return markerMediaId; }
    public String getMarkerQuality() { return markerQuality; }
    public Integer getMarkerScore() { return markerScore; }
    public String getMarkerVerdict() { return markerVerdict; }
    public Integer getMarkerWidth() { return markerWidth; }
    public Integer getMarkerHeight() { return markerHeight; }
    public Long getMarkerJobInstance() { return markerJobInstance; }
    public int getMarkerCompilations() { return markerCompilations; }
    public Instant getMarkerRequestedAt() { return markerRequestedAt; }

    public Long getMarkerJobExecution() { return markerJobExecution; }

    public Instant getMarkerResentAt() { return markerResentAt; }
    public Instant getMarkerCompiledAt() { return markerCompiledAt; }
    public UUID getOverlayMediaId() { return overlayMediaId; }
    public OverlayKind getOverlayKind() { return overlayKind; }
    public Instant getActiveFrom() { return activeFrom; }
    public Instant getActiveUntil() { return activeUntil; }
    public Instant getExpiresAt() { return expiresAt; }
    public boolean isPublished() { return published; }
    public long getViewsCount() { return viewsCount; }
    public UUID getCreatedBy() { return createdBy; }
}
