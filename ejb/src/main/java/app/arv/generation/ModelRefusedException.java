package app.arv.generation;

/** The provider will not make a model of this image; the reason is shown to the client as the item's error. */
public class ModelRefusedException extends Exception {

    public ModelRefusedException(String reason) {
        super(reason);
    }
}
