package app.arv.notification;

import app.arv.persistence.identity.User;
import app.arv.persistence.notification.NotificationChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Tells the people of an organization about an occurrence, inside the transaction that fired it: for each
 * {@link Recipients recipient}, on each channel their {@link NotificationPreferences preferences} leave on. The
 * organization's webhooks observe the same occurrence on their own; {@code test} occurrences are theirs alone.
 */
@ApplicationScoped
public class PersonalDelivery {

    @Inject
    Recipients recipients;

    @Inject
    NotificationPreferences preferences;

    @Inject
    InAppChannel inApp;

    @Inject
    MailChannel mail;

    void deliver(@Observes Occurrence occurrence) {
        if (occurrence.type() == OccurrenceType.TEST) {
            return;
        }
        for (User person : recipients.of(occurrence)) {
            NotificationPreferences.Choices choices = preferences.of(person.getId());
            if (choices.enabled(occurrence.type(), NotificationChannel.IN_APP)) {
                inApp.deliver(occurrence, person);
            }
            if (choices.enabled(occurrence.type(), NotificationChannel.EMAIL)) {
                mail.deliver(occurrence, person);
            }
        }
    }
}
