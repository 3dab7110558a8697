package app.arv.notification;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened in an organization which its people (in the console, by e-mail) or its systems (webhooks)
 * may want to hear about. The service where it happens fires it as a synchronous CDI event inside its own
 * transaction; each channel observes it ({@code @Observes}, transaction in progress) and writes its own rows — an
 * in-app notification, an outbox mail, a webhook delivery — in that same transaction, so an occurrence is either
 * recorded for every channel or, when the transaction rolls back, for none.
 *
 * @param organizationId whose it is (never crosses to another organization)
 * @param type what happened
 * @param subjectId the thing it is about (AR content, generation job, API key, organization), for links and grouping
 * @param at when it happened
 * @param data the type's details, snake_case JSON as the API shows them (e.g. {@code {"title": ..., "reason": ...}})
 * @param startedBy the person who started the work it is about (an AR content's creator, a generation job's), told
 *                  besides the organization's admins; {@code null} when nobody did (work started with an API key, news
 *                  of the organization itself). The feature that builds the occurrence says who: this package knows no
 *                  feature's records.
 */
public record Occurrence(UUID organizationId, OccurrenceType type, UUID subjectId, Instant at, JsonObject data, UUID startedBy) {

    public Occurrence {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(data, "data");
    }

    /** An occurrence about no person's work: told to the organization's admins. */
    public Occurrence(UUID organizationId, OccurrenceType type, UUID subjectId, Instant at, JsonObject data) {
        this(organizationId, type, subjectId, at, data, null);
    }
}
