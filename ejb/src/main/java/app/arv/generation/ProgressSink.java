package app.arv.generation;

/** Where a provider reports how far it got; percent 0..100, stage a short word such as "generating". */
@FunctionalInterface
public interface ProgressSink {

    void report(int percent, String stage);
}
