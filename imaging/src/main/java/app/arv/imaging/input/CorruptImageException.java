package app.arv.imaging.input;

import app.arv.imaging.RefusedImageException;

/**
 * The decoder found the file damaged: truncated, inconsistent, or only readable with warnings (a decoder
 * paints the missing rest of a truncated file grey and merely warns). Never used for a lack of memory.
 */
public class CorruptImageException extends RefusedImageException {

    public CorruptImageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
