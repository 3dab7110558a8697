package app.arv.generation;

/** The image an item is generated from, as read from storage. */
public record SourceImage(byte[] bytes, String mediaType, String fileName) {
}
