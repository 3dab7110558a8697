package app.arv.media;

import app.arv.shared.DomainException;

/**
 * What an owner requires of the shape (upright pixel size) of the images it takes in, held at upload before anything
 * is stored: a marker portrait must be one the compile can take ({@code app.arv.marker}). A file the organization
 * stores already is held to it by the size recorded when it first arrived.
 */
@FunctionalInterface
public interface ImageShape {

    /** Any shape (the library, generation photos). */
    ImageShape ANY = (fileName, width, height) -> {
    };

    /** @throws DomainException (4xx) naming the file when its shape will not do */
    void require(String fileName, int width, int height);
}
