package app.arv.generation;

import app.arv.imaging.model3d.GenerationOptions;

import java.util.List;

/**
 * Turns one image into one 3D model. Implementations are CDI beans named by {@link #name()}, the value
 * clients send as {@code provider}.
 *
 * <p>Two kinds of failure: {@link ModelRefusedException} is the provider's verdict on this image (final,
 * the item fails with its reason); any other exception is trouble on the way (storage, network) and
 * the message is delivered again. Every provider takes the job's options as imaging's {@link GenerationOptions}.
 *
 * <p>What generation needs to know of a provider beyond its work it asks through this interface ({@link #paid()},
 * {@link #circuits()}), never of a provider's own class: {@link ModelProviders} answers it for a provider's name.
 */
public interface ModelProvider {

    String name();

    /**
     * Whether this server can run the provider (a paid one needs its key). One that cannot is not
     * offered: a job naming it is refused like one naming an unknown provider, before it is queued or
     * counted against a quota.
     */
    default boolean available() {
        return true;
    }

    /**
     * Whether its work costs money: a paid provider's items count against the organization's grant for it as well as
     * against the month's generations, when admitted and when given back. Not a matter of this server's configuration:
     * a job queued while the provider was offered is given back by the same rule after its key is gone.
     */
    default boolean paid() {
        return false;
    }

    /** The circuit breakers that guard its calls on this node, for operators; none for a provider without any. */
    default List<Circuit> circuits() {
        return List.of();
    }

    /**
     * One breaker of a provider on this node.
     *
     * @param call what it guards
     * @param state closed, open, half_open, or unknown (no reading told)
     * @param timesOpened how often it opened since the node started
     */
    record Circuit(String call, String state, long timesOpened) {
    }

    /**
     * @param request the provider's own request for this item: what an earlier attempt started, and where a
     *     paid provider records the one it starts, so that a redelivered message does not pay twice
     */
    ModelResult generate(SourceImage image, GenerationOptions options, ProgressSink progress, ProviderRequest request)
            throws ModelRefusedException;
}
