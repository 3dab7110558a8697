package app.arv.imaging;

/**
 * The image cannot become a useful AR target; {@link #reason()} says why in words meant for the user
 * (unreadable file, too small, no texture...). Checked, so callers decide how to report it; the subclasses
 * in {@code app.arv.imaging.input} name the reasons a caller answers differently (not an image, too many
 * pixels, damaged).
 */
public class RefusedImageException extends Exception {

    private final String reason;

    public RefusedImageException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public RefusedImageException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
