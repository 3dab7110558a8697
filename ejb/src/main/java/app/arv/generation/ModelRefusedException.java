package app.arv.generation;

/** The provider will not make a model of this image; the reason is shown to the client as the item's error. */
public class ModelRefusedException extends Exception {

    public ModelRefusedException(String reason) {
        super(reason);
    }

    /**
     * The provider stopped because its progress report heard that the item is no longer wanted ({@link ProgressSink}):
     * the item is already final, so the reason is only what the worker's log and a failed item's error would say.
     */
    public static ModelRefusedException noLongerWanted(String what) {
        return new ModelRefusedException("The item is no longer wanted (cancelled, or failed meanwhile): " + what);
    }
}
