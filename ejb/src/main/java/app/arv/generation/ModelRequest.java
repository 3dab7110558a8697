package app.arv.generation;

/**
 * A job's options as every provider takes them.
 *
 * @param texture {@code none}, {@code standard} or {@code hd}
 */
public record ModelRequest(int faceLimit, String texture) {
}
