package app.arv.notification;

import app.arv.persistence.notification.OccurrenceMarkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * Where the platform's services announce what happened: an {@link Occurrence} is fired as a synchronous CDI event inside
 * the caller's transaction, so every channel records it in that transaction or none does. Occurrences that must be told
 * once only take a mark first ({@code occurrence_mark}): the transaction that takes it fires, every other one — on any
 * node, after any restart — finds it taken and fires nothing. Only the mechanism lives here: each feature builds its own
 * occurrences with their data (the snake_case details every channel shows) next to its code — {@code
 * marker.MarkerOccurrences}, {@code generation.GenerationOccurrences}, {@code identity.ApiKeyOccurrences}, {@code
 * webhook.WebhookOccurrences}, {@code protection.QuotaOccurrences} — so a new feature adds its own without touching
 * this package.
 */
@ApplicationScoped
public class Occurrences {

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
}
