package app.arv.persistence.webhook;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One try to send a delivery: the receiver's HTTP status and the start of its answer, or why there was none. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    public static final int MAX_TEXT = 500;

    @Id
    private UUID id;

    @Column(name = "delivery_id", nullable = false, updatable = false)
    private UUID deliveryId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private int durationMs;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(name = "response_excerpt", length = MAX_TEXT, updatable = false)
    private String responseExcerpt;

    @Column(length = MAX_TEXT, updatable = false)
    private String error;

    protected WebhookAttempt() {
    }

    /** @param httpStatus null when no answer came (refused, timed out); texts are cut to {@value #MAX_TEXT} characters */
    public WebhookAttempt(UUID deliveryId, int number, Instant attemptedAt, Duration took, Integer httpStatus,
            String responseExcerpt, String error) {
        this.id = UUID.randomUUID();
        this.deliveryId = deliveryId;
        this.number = number;
        this.attemptedAt = AuditedEntity.stored(attemptedAt);
        this.durationMs = (int) Math.min(Integer.MAX_VALUE, Math.max(0, took.toMillis()));
        this.httpStatus = httpStatus;
        this.responseExcerpt = cut(responseExcerpt);
        this.error = cut(error);
    }

    /** PostgreSQL refuses U+0000 in text, and a receiver may answer anything (UTF-16, binary): each NUL becomes U+FFFD. */
    private static String cut(String text) {
        String storable = text == null ? null : text.replace('\u0000', '\uFFFD');
        return storable == null || storable.length() <= MAX_TEXT ? storable : storable.substring(0, MAX_TEXT);
    }

    public UUID getId() { return id; }

    public UUID getDeliveryId() { return deliveryId; }

    public int getNumber() { return number; }

    public Instant getAttemptedAt() { return attemptedAt; }

    public int getDurationMs() { return durationMs; }

    public Integer getHttpStatus() { return httpStatus; }

    public String getResponseExcerpt() { return responseExcerpt; }

    public String getError() { return error; }
}
