package app.arv.notification;

import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.identity.ApiKey;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.persistence.notification.OccurrenceMarkRepository;
import app.arv.persistence.webhook.Webhook;
import app.arv.shared.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Where the platform's services announce what happened: each method builds the {@link Occurrence} with its data (the
 * snake_case details every channel shows) and fires it as a synchronous CDI event inside the caller's transaction, so
 * every channel records it in that transaction or none does. Occurrences that must be told once only take a mark
 * first ({@code occurrence_mark}): the transaction that takes it fires, every other one — on any node, after any
 * restart — finds it taken and fires nothing.
 */
@ApplicationScoped
public class Occurrences {

    /** The share of a quota at which the organization is warned, in percent. */
    static final int QUOTA_WARNING_PERCENT = 80;

    @Inject
    Event<Occurrence> event;

    @Inject
    OccurrenceMarkRepository marks;

    public void fire(Occurrence occurrence) {
        event.fire(occurrence);
    }

    /**
     * Fires the occurrence unless {@code mark} (of its organization) was taken before; true when it fired.
     *
     * @param lapsesAt when the occurrence is over (no one asks for the mark long after: the retention round deletes it)
     */
    public boolean fireOnce(String mark, Instant lapsesAt, Occurrence occurrence) {
        if (!marks.take(occurrence.organizationId(), mark, lapsesAt)) {
            return false;
        }
        event.fire(occurrence);
        return true;
    }

    /** A marker compiled or failed (the content's status is READY or FAILED): ready, or failed with verdict and reasons. */
    public void markerSettled(ArContent content) {
        boolean ready = content.getMarkerStatus() == MarkerStatus.READY;
        JsonObjectBuilder data = contentData(content)
                .add("marker_status", content.getMarkerStatus().name().toLowerCase(Locale.ROOT));
        addNullable(data, "verdict", content.getMarkerVerdict());
        if (content.getMarkerScore() != null) {
            data.add("score", content.getMarkerScore());
        }
        JsonArrayBuilder reasons = Jsonp.createArrayBuilder();
        if (content.getMarkerQuality() != null) {
            JsonArray found = Jsonp.readObject(content.getMarkerQuality()).getJsonArray("reasons");
            if (found != null) {
                found.forEach(reasons::add);
            }
        }
        data.add("reasons", reasons);
        if (!ready) {
            addNullable(data, "failure", content.getMarkerFailure());
        }
        fire(new Occurrence(content.getOrganizationId(), ready ? OccurrenceType.MARKER_READY : OccurrenceType.MARKER_FAILED,
                content.getId(), Instant.now(), data.build()));
    }

    /** A generation job reached a final status: how many of its items ended how. */
    public void generationFinished(GenerationJob job, Map<GenerationStatus, Long> counts) {
        JsonObjectBuilder data = Jsonp.createObjectBuilder()
                .add("generation_job_id", job.getId().toString())
                .add("status", job.getStatus().name().toLowerCase(Locale.ROOT))
                .add("total", job.getItemCount())
                .add("completed", counts.getOrDefault(GenerationStatus.COMPLETED, 0L))
                .add("failed", counts.getOrDefault(GenerationStatus.FAILED, 0L))
                .add("cancelled", counts.getOrDefault(GenerationStatus.CANCELLED, 0L));
        addNullable(data, "project_id", job.getProjectId() == null ? null : job.getProjectId().toString());
        fire(new Occurrence(job.getOrganizationId(), OccurrenceType.GENERATION_FINISHED, job.getId(), Instant.now(), data.build()));
    }

    /**
     * An organization now uses {@code used} of {@code limit} of a quota in {@code period}: at 80 % it is warned, at
     * 100 % told it is reached — each once per quota and period.
     */
    public void quotaUsed(UUID organizationId, String quota, long used, long limit, YearMonth period) {
        if (limit <= 0) {
            return;
        }
        if (used >= limit) {
            quotaOnce(OccurrenceType.QUOTA_REACHED, organizationId, quota, used, limit, period);
        } else if (used * 100.0 >= limit * (double) QUOTA_WARNING_PERCENT) {
            quotaOnce(OccurrenceType.QUOTA_WARNING, organizationId, quota, used, limit, period);
        }
    }

    private void quotaOnce(OccurrenceType type, UUID organizationId, String quota, long used, long limit, YearMonth period) {
        JsonObject data = Jsonp.createObjectBuilder().add("quota", quota).add("used", used).add("limit", limit)
                .add("percent", (long) Math.floor(used * 100.0 / limit)).add("period", period.toString()).build();
        // The period is the UTC month (Quotas' clock).
        Instant periodOver = period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        fireOnce(type.wireName() + ":" + quota + ":" + period, periodOver, new Occurrence(organizationId, type, organizationId, Instant.now(), data));
    }

    /** The content expires within the warning period: told once per content and expiry date. True when it fired. */
    public boolean contentExpiring(ArContent content) {
        return expiry(OccurrenceType.AR_CONTENT_EXPIRING, content);
    }

    /** The content's expiry date passed: told once per content and expiry date. True when it fired. */
    public boolean contentExpired(ArContent content) {
        return expiry(OccurrenceType.AR_CONTENT_EXPIRED, content);
    }

    private boolean expiry(OccurrenceType type, ArContent content) {
        JsonObject data = contentData(content).add("expires_at", content.getExpiresAt().toString()).build();
        return fireOnce(expiryMark(type, content.getId(), content.getExpiresAt()), content.getExpiresAt(),
                new Occurrence(content.getOrganizationId(), type, content.getId(), Instant.now(), data));
    }

    /** An API key was created ({@code at} its creation) or revoked ({@code at} its revocation): never its secret or hash. */
    public void apiKey(OccurrenceType type, ApiKey key, Instant at) {
        fire(new Occurrence(key.getOrganizationId(), type, key.getId(), at, Jsonp.createObjectBuilder()
                .add("api_key_id", key.getId().toString())
                .add("name", key.getName())
                .add("scope", key.getScope().name())
                .add("prefix", key.getPrefix())
                .build()));
    }

    /** A webhook was switched off after {@code dead} dead deliveries in a row; told to the admins and the other webhooks. */
    public void webhookDisabled(Webhook webhook, String reason, int dead, Instant at) {
        fire(new Occurrence(webhook.getOrganizationId(), OccurrenceType.WEBHOOK_DISABLED, webhook.getId(), at,
                Jsonp.createObjectBuilder()
                        .add("webhook_id", webhook.getId().toString())
                        // Told by mail and to the organization's other webhooks: never the path, which may be a token.
                        .add("url", webhook.shownUrl())
                        .add("description", webhook.getDescription() == null ? "" : webhook.getDescription())
                        .add("reason", reason)
                        .add("consecutive_dead", dead)
                        .build()));
    }

    /** The once-only mark of an expiry occurrence: a new expiry date is a new mark, so it is told again. */
    public static String expiryMark(OccurrenceType type, UUID contentId, Instant expiresAt) {
        return type.wireName() + ":" + contentId + ":" + expiresAt.getEpochSecond();
    }

    private static JsonObjectBuilder contentData(ArContent content) {
        return Jsonp.createObjectBuilder()
                .add("ar_content_id", content.getId().toString())
                .add("project_id", content.getProjectId().toString())
                .add("title", content.getTitle());
    }

    private static void addNullable(JsonObjectBuilder data, String name, String value) {
        if (value == null) {
            data.add(name, JsonValue.NULL);
        } else {
            data.add(name, value);
        }
    }
}
