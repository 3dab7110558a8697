package app.arv.notification;

import app.arv.persistence.notification.Notification;
import app.arv.persistence.notification.NotificationRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/** A person's in-app notifications: listed, counted, read. Only ever the caller's own; API keys have none. */
@Stateless
public class NotificationService {

    @Inject
    NotificationRepository notifications;

    /** Newest first; only unread ones when asked. */
    public Page<Notification> list(Caller caller, boolean unreadOnly, PageRequest page) {
        return notifications.list(caller.organizationId(), NotificationPreferences.person(caller), unreadOnly, page);
    }

    public long unreadCount(Caller caller) {
        return notifications.unreadCount(caller.organizationId(), NotificationPreferences.person(caller));
    }

    /** Marks one read (again: no change); someone else's or an unknown one is not found. */
    public Notification read(Caller caller, UUID id) {
        Notification notification = notifications.find(caller.organizationId(), NotificationPreferences.person(caller), id)
                .orElseThrow(() -> DomainException.notFound("Notification"));
        notification.read(Instant.now());
        return notification;
    }

    /** @return how many were unread */
    public int readAll(Caller caller) {
        return notifications.readAll(caller.organizationId(), NotificationPreferences.person(caller), Instant.now());
    }
}
