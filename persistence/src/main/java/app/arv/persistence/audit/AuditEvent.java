package app.arv.persistence.audit;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an organization's audit log: what happened, to what, who did it and from where. Written once, never
 * changed. The actor's label (an e-mail address or a key's name) is copied in, so the entry still reads after the
 * account or key is gone; ids carry no foreign key for the same reason.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements OrganizationOwned {

    static final int MAX_LABEL = 320;
    static final int MAX_USER_AGENT = 200;
    static final int MAX_CLIENT_ADDRESS = 64;
    static final int MAX_REQUEST_ID = 128;

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Convert(converter = AuditActionColumn.class)
    @Column(nullable = false, updatable = false, length = 40)
    private AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false, updatable = false, length = 16)
    private ActorKind actorKind;

    @Column(name = "actor_id", updatable = false)
    private UUID actorId;

    @Column(name = "actor_label", updatable = false, length = MAX_LABEL)
    private String actorLabel;

    @Column(name = "subject_type", nullable = false, updatable = false, length = 32)
    private String subjectType;

    @Column(name = "subject_id", updatable = false)
    private UUID subjectId;

    @Column(name = "client_address", updatable = false, length = MAX_CLIENT_ADDRESS)
    private String clientAddress;

    @Column(name = "user_agent", updatable = false, length = MAX_USER_AGENT)
    private String userAgent;

    @Column(name = "request_id", updatable = false, length = MAX_REQUEST_ID)
    private String requestId;

    /** A JSON object with snake_case keys; PostgreSQL keeps it as {@code jsonb}, Java as text. */
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String details;

    protected AuditEvent() {
    }

    /**
     * @param detailsJson a JSON object (snake_case keys), {@code "{}"} when there is nothing to add
     * @param origin      where the request came from; {@link Origin#NONE} for ARV's own work
     */
    public AuditEvent(UUID organizationId, Instant at, AuditAction action, ActorKind actorKind, UUID actorId, String actorLabel,
            UUID subjectId, String detailsJson, Origin origin) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.at = AuditedEntity.stored(at);
        this.action = action;
        this.actorKind = actorKind;
        this.actorId = actorId;
        this.actorLabel = clipped(actorLabel, MAX_LABEL);
        this.subjectType = action.subjectType().wireName();
        this.subjectId = subjectId;
        this.details = detailsJson;
        this.clientAddress = clipped(origin.clientAddress(), MAX_CLIENT_ADDRESS);
        this.userAgent = clipped(origin.userAgent(), MAX_USER_AGENT);
        this.requestId = clipped(origin.requestId(), MAX_REQUEST_ID);
    }

    private static String clipped(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    @Override
    public UUID getId() { return id; }

    @Override
    public UUID getOrganizationId() { return organizationId; }

    public Instant getAt() { return at; }
    public AuditAction getAction() { return action; }
    public ActorKind getActorKind() { return actorKind; }
    public UUID getActorId() { return actorId; }
    public String getActorLabel() { return actorLabel; }
    public String getSubjectType() { return subjectType; }
    public UUID getSubjectId() { return subjectId; }
    public String getClientAddress() { return clientAddress; }
    public String getUserAgent() { return userAgent; }
    public String getRequestId() { return requestId; }
    public String getDetails() { return details; }

    /**
     * Where the request that caused an event came from.
     *
     * @param clientAddress the client's address through trusted proxies
     * @param userAgent     its {@code User-Agent}, clipped to {@value #MAX_USER_AGENT} characters
     * @param requestId     the request's {@code X-Request-ID}, to find its log lines
     */
    public record Origin(String clientAddress, String userAgent, String requestId) {
        /** ARV's own work, outside any request. */
        public static final Origin NONE = new Origin(null, null, null);
    }
}
