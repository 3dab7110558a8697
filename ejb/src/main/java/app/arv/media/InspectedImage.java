package app.arv.media;

import java.nio.file.Path;
import java.util.List;

/** An upload that passed inspection: its real type and size in pixels, and the thumbnails made from it. */
public record InspectedImage(String mediaType, int width, int height, List<Thumbnail> thumbnails) implements AutoCloseable {

    /** A derived JPEG parked in the spool until it is stored. */
    public record Thumbnail(int longestSide, Path file, long size, String sha256, int width, int height) {
    }

    @Override
    public void close() {
        thumbnails.forEach(t -> t.file().toFile().delete());
    }
}
