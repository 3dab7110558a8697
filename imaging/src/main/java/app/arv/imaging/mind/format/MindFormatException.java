package app.arv.imaging.mind.format;

/** The bytes are not a {@code .mind} file the MindAR 1.2 runtime would accept. */
public class MindFormatException extends Exception {

    public MindFormatException(String message) {
        super(message);
    }

    public MindFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
