package app.arv.launcher;

/**
 * A service ARV depends on (PostgreSQL, Redis, Artemis): either embedded and controlled by the
 * launcher, or external (named by an environment variable) and only pointed at.
 */
public interface BackingService extends AutoCloseable {

    /** Short name used in messages: postgresql, redis, artemis. */
    String name();

    /** The address in the form ARV reads it (DATABASE_URL, REDIS_URL, ARTEMIS_URL). */
    String url();

    /** TCP port the service listens on, on 127.0.0.1 for embedded services. */
    int port();

    boolean isEmbedded();

    boolean isRunning();

    /**
     * Starts the service, on the same port and with the same data as before if it ran already.
     * Tests use stop()/start() to take a dependency away from a running ARV and give it back.
     */
    void start();

    /** Stops the service, keeping its data. */
    void stop();

    @Override
    default void close() {
        if (isRunning()) {
            stop();
        }
    }
}
