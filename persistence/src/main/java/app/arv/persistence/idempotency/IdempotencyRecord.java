package app.arv.persistence.idempotency;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One {@code Idempotency-Key} of one credential of an organization: while {@code status} is null the
 * first request holds it (a claim, until {@code lockedUntil}); afterwards it is that request's answer,
 * replayed to every duplicate until it expires.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends TenantRecord {

    /** The longest request line the column holds (V8); longer ones are stored in a shorter form. */
    public static final int MAX_REQUEST_LINE = 4096;

    @Column(nullable = false, length = 64, updatable = false)
    private String credential;

    @Column(name = "idempotency_key", nullable = false, length = 255, updatable = false)
    private String idempotencyKey;

    @Column(name = "request_line", nullable = false, length = MAX_REQUEST_LINE, updatable = false)
    private String requestLine;

    @Column(name = "body_sha256")
    private byte[] bodySha256;

    private Integer status;

    @Column(name = "content_type", length = 255)
    private String contentType;

    @Column(length = 4096)
    private String location;

    private byte[] body;

    @Column(name = "locked_until", nullable = false)
    private Instant lockedUntil;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected IdempotencyRecord() {
    }

    public boolean isCompleted() { return status != null; }

    public void complete(byte[] bodySha256, int status, String contentType, String location, byte[] body, Instant now) {
        this.bodySha256 = bodySha256.clone();
        this.status = status;
        this.contentType = contentType;
        this.location = location;
        this.body = body.clone();
        this.completedAt = AuditedEntity.stored(now);
    }

    public String getCredential() { return credential; }

    public String getIdempotencyKey() { return idempotencyKey; }

    public String getRequestLine() { return requestLine; }

    public byte[] getBodySha256() { return bodySha256 == null ? null : bodySha256.clone(); }

    public Integer getStatus() { return status; }

    public String getContentType() { return contentType; }

    public String getLocation() { return location; }

    public byte[] getBody() { return body == null ? new byte[0] : body.clone(); }

    public Instant getLockedUntil() { return lockedUntil; }
}
