package app.arv.generation.fal;

/**
 * A submission went out and its answer never came back (read timeout, dropped connection): FAL may have
 * accepted it and be charging for it, so it is not sent again.
 */
public class FalAnswerLostException extends RuntimeException {

    public FalAnswerLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
