package app.arv.imaging.input;

import app.arv.imaging.RefusedImageException;

/** The bytes are no image of a type ARV decodes (whatever the file's name or declared type said). */
public class UnsupportedImageException extends RefusedImageException {

    private final String sniffedType;

    public UnsupportedImageException(String reason, String sniffedType) {
        super(reason);
        this.sniffedType = sniffedType;
    }

    /** The type the bytes are ({@code application/zip}, ...), or {@code null} when they match no known format. */
    public String sniffedType() {
        return sniffedType;
    }
}
