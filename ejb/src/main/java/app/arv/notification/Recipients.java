package app.arv.notification;

import app.arv.persistence.identity.User;
import app.arv.persistence.notification.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Who is told about an occurrence (before their preferences): the organization's active admins always — they answer
 * for its content, quotas, keys and webhooks — and the person who started the work it is about ({@link
 * Occurrence#startedBy}, which the feature that built it names: an AR content's creator, a generation job's), while
 * active in the organization. Work started with an API key has no such person. Nobody outside the organization, ever.
 */
@ApplicationScoped
public class Recipients {

    @Inject
    NotificationRepository notifications;

    public List<User> of(Occurrence occurrence) {
        return notifications.recipients(occurrence.organizationId(), occurrence.startedBy());
    }
}
