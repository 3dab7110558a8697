package app.arv.generation;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The request a paid provider started for one item, kept on the item: an attempt that breaks after the
 * provider accepted it (storage failing, the database away, the node stopping) is followed by another
 * delivery of the item's message, which resumes that request instead of paying for a second one. A client's
 * retry of a failed item starts without one. Providers that cost nothing ignore it.
 */
public interface ProviderRequest {

    /** What an earlier attempt of this item recorded, as recorded; empty when none did. */
    Optional<String> recorded();

    /**
     * Keeps the request the provider just accepted (text of the provider's choosing), committed at once,
     * before the attempt goes on. Fails like any database write.
     */
    void record(String request);

    /** The item's recorded request ({@code null} for none), and where a new one goes. */
    static ProviderRequest of(String recorded, Consumer<String> recorder) {
        return new ProviderRequest() {
            @Override
            public Optional<String> recorded() {
                return Optional.ofNullable(recorded);
            }

            @Override
            public void record(String request) {
                recorder.accept(request);
            }
        };
    }
}
