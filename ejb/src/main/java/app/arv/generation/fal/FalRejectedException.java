package app.arv.generation.fal;

/** FAL.AI answered 4xx (other than 429): asking again would get the same answer, and may cost money. */
public class FalRejectedException extends RuntimeException {

    public FalRejectedException(String message) {
        super(message);
    }
}
