package app.arv.persistence.notification;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One occurrence as one person sees it in the console: what happened, about what, and whether they have read it. */
@Entity
@Table(name = "notification")
public class Notification extends TenantEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(nullable = false, updatable = false, length = 40)
    private String type;

    @Column(name = "subject_id", updatable = false)
    private UUID subjectId;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String data;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    /** @param data the occurrence's details, a JSON object as text */
    public Notification(UUID organizationId, UUID userId, String type, UUID subjectId, String data, Instant occurredAt) {
        super(UUID.randomUUID(), organizationId);
        this.userId = Objects.requireNonNull(userId);
        this.type = Objects.requireNonNull(type);
        this.subjectId = subjectId;
        this.data = Objects.requireNonNull(data);
        this.occurredAt = AuditedEntity.stored(Objects.requireNonNull(occurredAt));
    }

    /** Read from now on; reading it again keeps the first time. */
    public void read(Instant at) {
        if (readAt == null) {
            readAt = AuditedEntity.stored(at);
        }
    }

    public boolean isRead() { return readAt != null; }
    public UUID getUserId() { return userId; }
    public String getType() { return type; }
    public UUID getSubjectId() { return subjectId; }
    public String getData() { return data; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getReadAt() { return readAt; }
}
