/**
 * The launcher: ARV with everything it needs, for the run command ({@code server-config/run.sh},
 * {@link ArvMain}) and as the integration tests' harness ({@link ArvStack}, {@link ArvNode} for a further
 * node of a cluster). PostgreSQL, Redis and Artemis run embedded in the launcher's JVM unless
 * {@code DATABASE_URL}, {@code REDIS_URL} or {@code ARTEMIS_URL} name running ones
 * ({@link BackingService}, {@link DatabaseTarget}, {@link BrokerTarget}); Payara Micro runs the WAR as a
 * child process, with the post-boot commands rendered by {@link PayaraCommands} from the same targets
 * (the same template sets up a full Payara Server). {@link FreezableProxy} lets tests freeze a service the
 * way SIGSTOP would. Plain Java, no Jakarta EE API and no ARV module: it starts the application, it is not
 * part of it; the web module's integration tests depend on it, the ejb module's tests on its FreezableProxy.
 */
package app.arv.launcher;
