package app.arv.persistence.mail;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One e-mail in the outbox, rendered when it was queued: the row holds exactly what will be sent, so a
 * template changed by a later release never alters a mail already promised. Its id is also the mail's
 * Message-ID, so a receiver can tell a resent copy from a new mail.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    /** The longest address an outbox row keeps (RFC 5321's path limit, and the column's). */
    public static final int RECIPIENT_LENGTH = 320;

    @Id
    private UUID id;

    /** Null for mails that belong to no organization yet (a sign-up's verification). */
    @Column(name = "organization_id", updatable = false)
    private UUID organizationId;

    @Column(nullable = false, length = 100, updatable = false)
    private String template;

    @Column(nullable = false, length = RECIPIENT_LENGTH, updatable = false)
    private String recipient;

    @Column(nullable = false, length = 35, updatable = false)
    private String locale;

    @Column(nullable = false, length = 998, updatable = false)
    private String subject;

    @Column(name = "text_body", nullable = false, columnDefinition = "text", updatable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false, columnDefinition = "text", updatable = false)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 64)
    private String claimedBy;

    @Column(name = "claim_token")
    private UUID claimToken;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMail() {
    }

    /** A mail due at once. */
    public OutboxMail(UUID organizationId, String template, String recipient, Locale locale, String subject,
            String textBody, String htmlBody, Instant now) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.template = Objects.requireNonNull(template);
        this.recipient = Objects.requireNonNull(recipient);
        this.locale = locale.toLanguageTag();
        this.subject = Objects.requireNonNull(subject);
        this.textBody = Objects.requireNonNull(textBody);
        this.htmlBody = Objects.requireNonNull(htmlBody);
        this.status = MailStatus.QUEUED;
        this.nextAttemptAt = AuditedEntity.stored(now);
        this.createdAt = nextAttemptAt;
    }

    /** Dead before any attempt: no server could take it (its recipient is no address). */
    public void refuse(String reason) {
        this.status = MailStatus.DEAD;
        this.lastError = reason;
    }

    public UUID getId() { return id; }

    public UUID getOrganizationId() { return organizationId; }

    public String getTemplate() { return template; }

    public String getRecipient() { return recipient; }

    public String getLocale() { return locale; }

    public String getSubject() { return subject; }

    public String getTextBody() { return textBody; }

    public String getHtmlBody() { return htmlBody; }

    public MailStatus getStatus() { return status; }

    public int getAttempts() { return attempts; }

    public Instant getNextAttemptAt() { return nextAttemptAt; }

    public String getClaimedBy() { return claimedBy; }

    public String getLastError() { return lastError; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getSentAt() { return sentAt; }
}
