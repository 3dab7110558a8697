package app.arv.notification;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The synchronous CDI event of occurrences outside a container: what was fired, in order, handed to the observer a
 * test names (the container would call every {@code @Observes Occurrence} method in the firing thread).
 */
public final class RecordedOccurrences implements Event<Occurrence> {

    private final List<Occurrence> fired = new CopyOnWriteArrayList<>();
    private volatile Consumer<Occurrence> observer = o -> {
    };

    /** Hands each occurrence fired from now on to {@code observer} too. */
    public RecordedOccurrences observedBy(Consumer<Occurrence> observer) {
        this.observer = observer;
        return this;
    }

    public List<Occurrence> fired() {
        return List.copyOf(fired);
    }

    @Override
    public void fire(Occurrence occurrence) {
        fired.add(occurrence);
        observer.accept(occurrence);
    }

    @Override
    public <U extends Occurrence> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException("occurrences are synchronous");
    }

    @Override
    public <U extends Occurrence> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException("occurrences are synchronous");
    }

    @Override
    public Event<Occurrence> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends Occurrence> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends Occurrence> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }
}
