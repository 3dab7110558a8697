package app.arv.generation;

/**
 * Turns one image into one 3D model. Implementations are CDI beans named by {@link #name()}, the value
 * clients send as {@code provider}.
 *
 * <p>Two kinds of failure: {@link ModelRefusedException} is the provider's verdict on this image (final,
 * the item fails with its reason); any other exception is trouble on the way (storage, network) and
 * the message is delivered again.
 */
public interface ModelProvider {

    String name();

    ModelResult generate(SourceImage image, ModelRequest request, ProgressSink progress) throws ModelRefusedException;
}
