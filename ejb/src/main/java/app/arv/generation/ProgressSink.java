package app.arv.generation;

/** Where a provider reports how far it got; percent 0..100, stage a short word such as "generating". */
@FunctionalInterface
public interface ProgressSink {

    /**
     * Records the progress (unchanged progress records nothing) and answers whether the item is still wanted. A provider
     * that hears {@code false} (the item was cancelled, or failed meanwhile) stops at once: what it made would be thrown
     * away, and a paid provider would be charging for it. A provider waiting long may call it with unchanged values,
     * just to ask.
     *
     * @return {@code false} when the item is no longer wanted
     */
    boolean report(int percent, String stage);
}
