package app.arv.generation;

/** The provider will not make a model of this image; the reason is shown to the client as the item's error. */
public class ModelRefusedException extends Exception {

    private final boolean noLongerWanted;

    public ModelRefusedException(String reason) {
        this(reason, false);
    }

    private ModelRefusedException(String reason, boolean noLongerWanted) {
        super(reason);
        this.noLongerWanted = noLongerWanted;
    }

    /** Whether the provider stopped because the item is no longer wanted: whoever decided that has settled the item. */
    public boolean isNoLongerWanted() {
        return noLongerWanted;
    }

    /**
     * The provider stopped because its progress report heard that the item is no longer wanted ({@link ProgressSink}):
     * the item is already final, so the reason is only what the worker's log and a failed item's error would say.
     */
    public static ModelRefusedException noLongerWanted(String what) {
        return new ModelRefusedException("The item is no longer wanted (cancelled, or failed meanwhile): " + what, true);
    }
}
