package app.arv.events;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A node's live listeners grouped by what they follow (a job, an organization), used at once by the
 * Redis subscription thread, the heartbeat task and the request threads that add and remove them.
 */
public final class ListenerRegistry<L> {

    private final Map<UUID, Set<L>> listeners = new ConcurrentHashMap<>();
    private final Predicate<L> closed;

    /** @param closed tells a listener whose client has gone (dropped at the next heartbeat) */
    public ListenerRegistry(Predicate<L> closed) {
        this.closed = closed;
    }

    public void add(UUID key, L listener) {
        listeners.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(listener);
    }

    /**
     * Adds the listener unless the key already has {@code max} whose clients are still there (closed ones, not yet
     * dropped, do not count); {@code first} runs just before it is added, so nothing reaches it before that.
     * {@return whether it was added}
     */
    public boolean addIfFewerThan(UUID key, L listener, int max, Runnable first) {
        boolean[] added = {false};
        listeners.compute(key, (k, set) -> {
            Set<L> kept = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (kept.stream().filter(l -> !closed.test(l)).count() < max) {
                first.run();
                added[0] = kept.add(listener);
            }
            return kept.isEmpty() ? null : kept;
        });
        return added[0];
    }

    public void remove(UUID key, L listener) {
        listeners.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    public boolean isEmpty() { return listeners.isEmpty(); }

    /** Whether anyone on this node follows {@code key}. */
    public boolean follows(UUID key) {
        return listeners.containsKey(key);
    }

    /** The listeners following {@code key}. */
    public void forEachOf(UUID key, Consumer<L> action) {
        Set<L> set = listeners.get(key);
        if (set != null) {
            set.forEach(action);
        }
    }

    public void forEach(Consumer<L> action) {
        listeners.values().forEach(set -> set.forEach(action));
    }

    /** Drops the listeners whose client has gone and hands the others to {@code action} (a heartbeat). */
    public void pruneAndForEach(Consumer<L> action) {
        listeners.forEach((key, set) -> set.forEach(listener -> {
            if (closed.test(listener)) {
                remove(key, listener);
            } else {
                action.accept(listener);
            }
        }));
    }
}
