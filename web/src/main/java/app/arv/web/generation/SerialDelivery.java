package app.arv.web.generation;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One stream's writes, made by one thread at a time and never by the thread that asks for them. A Server-Sent Events
 * sink writes on the calling thread and blocks while the client's socket is full (up to the server's write timeout);
 * the callers here are threads every stream of the node shares — the one Redis subscription, the heartbeat — so a
 * client that stops reading would hold up live events for every tenant. Asking only records what is wanted and, if
 * nobody is delivering, hands the delivery to an executor; whatever is asked meanwhile is done by that same delivery
 * before it ends (requests coalesce: a wake means "read what is new", however many arrived).
 */
final class SerialDelivery {

    /** Does what was asked since the last time: {@code wake} read and send the new events, {@code beat} a heartbeat. */
    interface Work {
        void deliver(boolean wake, boolean beat);
    }

    private final Executor executor;
    private final Work work;
    private boolean delivering;
    private boolean wakeWanted;
    private boolean beatWanted;

    SerialDelivery(Executor executor, Work work) {
        this.executor = executor;
        this.work = work;
    }

    /**
     * Asks for a delivery and returns at once.
     *
     * @return false when the executor has no room for another delivery (every thread waits on a stalled client): the
     *     caller should end the stream, whose client resumes with {@code Last-Event-ID}
     */
    boolean ask(boolean wake, boolean beat) {
        synchronized (this) {
            wakeWanted |= wake;
            beatWanted |= beat;
            if (delivering) {
                return true;
            }
            delivering = true;
        }
        try {
            executor.execute(this::deliverAll);
            return true;
        } catch (RejectedExecutionException full) {
            synchronized (this) {
                delivering = false;
            }
            return false;
        }
    }

    private void deliverAll() {
        while (true) {
            boolean wake;
            boolean beat;
            synchronized (this) {
                if (!wakeWanted && !beatWanted) {
                    delivering = false;
                    return;
                }
                wake = wakeWanted;
                beat = beatWanted;
                wakeWanted = false;
                beatWanted = false;
            }
            try {
                work.deliver(wake, beat);
            } catch (RuntimeException e) {
                synchronized (this) {
                    delivering = false;
                }
                throw e;
            }
        }
    }
}
