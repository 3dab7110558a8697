package app.arv.notification;

import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationRepository;
import app.arv.persistence.identity.User;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.notification.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Who is told about an occurrence (before their preferences): the organization's active admins always — they answer
 * for its content, quotas, keys and webhooks — and, for an occurrence about work someone started (an AR content's
 * marker and expiry, a generation job), that person too, while active in the organization. Work started with an API
 * key has no such person. Nobody outside the organization, ever.
 */
@ApplicationScoped
public class Recipients {

    @Inject
    NotificationRepository notifications;

    @Inject
    ArContentRepository contents;

    @Inject
    GenerationRepository generations;

    public List<User> of(Occurrence occurrence) {
        return notifications.recipients(occurrence.organizationId(), starter(occurrence));
    }

    private UUID starter(Occurrence occurrence) {
        UUID org = occurrence.organizationId();
        UUID subject = occurrence.subjectId();
        if (subject == null) {
            return null;
        }
        return switch (occurrence.type()) {
            case MARKER_READY, MARKER_FAILED, AR_CONTENT_EXPIRING, AR_CONTENT_EXPIRED ->
                contents.find(org, subject).map(ArContent::getCreatedBy).orElse(null);
            case GENERATION_FINISHED -> generations.findJob(org, subject).map(GenerationJob::getCreatedBy).orElse(null);
            case QUOTA_WARNING, QUOTA_REACHED, API_KEY_CREATED, API_KEY_REVOKED, WEBHOOK_DISABLED, TEST -> null;
        };
    }
}
