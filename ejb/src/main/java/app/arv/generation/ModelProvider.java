package app.arv.generation;

import app.arv.imaging.model3d.GenerationOptions;

/**
 * Turns one image into one 3D model. Implementations are CDI beans named by {@link #name()}, the value
 * clients send as {@code provider}.
 *
 * <p>Two kinds of failure: {@link ModelRefusedException} is the provider's verdict on this image (final,
 * the item fails with its reason); any other exception is trouble on the way (storage, network) and
 * the message is delivered again. Every provider takes the job's options as imaging's {@link GenerationOptions}.
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
     * @param request the provider's own request for this item: what an earlier attempt started, and where a
     *     paid provider records the one it starts, so that a redelivered message does not pay twice
     */
    ModelResult generate(SourceImage image, GenerationOptions options, ProgressSink progress, ProviderRequest request)
            throws ModelRefusedException;
}
