package app.arv.platform.health;

/**
 * Work a feature does once at startup that the node must have finished before it counts as started: {@link SchemaStartup}
 * waits for every one there is, without knowing the features that do it (they depend on the platform, not the other way).
 */
public interface StartupWork {

    /** The key under which the startup check's details tell whether it is done, e.g. {@code platform_admin}. */
    String name();

    boolean isDone();

    /** Why the node has not started while this is not done, for platform admins, e.g. {@code platform admin not created yet}. */
    String pendingReason();
}
