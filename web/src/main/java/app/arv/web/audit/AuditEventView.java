package app.arv.web.audit;

import app.arv.persistence.audit.AuditEvent;
import app.arv.shared.Jsonp;
import app.arv.web.json.SnakeCaseEnum;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** An audit log entry as clients see it; the action by its wire name ({@code sign_in.failed}). */
public record AuditEventView(UUID id, Instant at, String action, Actor actor, Subject subject, String clientAddress,
        String userAgent, String requestId, JsonObject details) {

    /** @param kind {@code person}, {@code api_key}, {@code platform_admin}, {@code system} or {@code anonymous} */
    public record Actor(String kind, UUID id, String label) {
    }

    public record Subject(String type, UUID id) {
    }

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.getId(), e.getAt(), e.getAction().wireName(),
                new Actor(SnakeCaseEnum.name(e.getActorKind()), e.getActorId(), e.getActorLabel()),
                new Subject(e.getSubjectType(), e.getSubjectId()), e.getClientAddress(), e.getUserAgent(), e.getRequestId(),
                Jsonp.readObject(e.getDetails()));
    }
}
