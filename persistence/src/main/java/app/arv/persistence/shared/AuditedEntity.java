package app.arv.persistence.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An entity with an id chosen by the application (so it is known before the insert and never
 * guessable from a sequence) and the creation and last-change times the database keeps for it.
 */
@MappedSuperclass
public abstract class AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA, which sets the fields itself. */
    protected AuditedEntity() {
    }

    protected AuditedEntity(UUID id) {
        this.id = id;
    }

    @PrePersist
    void onCreate() {
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = now();
    }

    /**
     * To the microsecond, as PostgreSQL keeps it: the instance and the row read back hold the same time (an ETag is made
     * of it, and a creation's answer shows what a later GET shows). The one rule for every stamp an entity sets itself
     * ({@link TenantRecord} too, and the generation, marker and quota stamps), so no answer shows nanoseconds.
     */
    public static Instant now() {
        return stored(Instant.now());
    }

    /**
     * {@code time} as PostgreSQL keeps it ({@link #now}'s rule), for a time the caller chose: a session's, a link's, a
     * retry's, a schedule's; {@code null} (no time) stays {@code null}. Every entity column of a time is set through this
     * or {@link #now} ({@code EntityTimesTest} checks it), since services pass {@code Instant.now()}'s nanoseconds.
     */
    public static Instant stored(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() { return id; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getUpdatedAt() { return updatedAt; }
}
