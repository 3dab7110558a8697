package app.arv.generation.fal;

/** FAL.AI answered 429 or 5xx: worth another try after a pause. */
public class FalUnavailableException extends RuntimeException {

    public FalUnavailableException(String message) {
        super(message);
    }
}
