package app.arv.web.it;

import app.arv.launcher.ArvNode;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * The suite's second ARV process "B" (its own Payara Micro on another port, sharing the suite's PostgreSQL, Redis and
 * broker): started by the first class that needs it and kept until the stack stops, because a Payara Micro start costs
 * the suite most of a minute. While it runs it takes compile and generation work from the shared queues, so the classes
 * that use it are {@code @Isolated} and run one after the other in their {@code @Order} — SignupIT, CredentialChangeIT,
 * ClusterIT, MailClusterIT — after every concurrent class; a class that kills it leaves it to the next one to start
 * again, and MarkerBatchRecoveryIT (last) makes sure it is gone. Register it after {@link ArvServer}
 * ({@code @RegisterExtension} on a static field runs after the class's {@code @ExtendWith}).
 *
 * <p>B differs from the suite's server in one setting: self-service sign-up is on there (SignupIT), off on "A".
 */
final class SecondNode implements BeforeAllCallback {

    /** The one variable B's environment has differently from A's. */
    static final Map<String, String> DIFFERENT_ENVIRONMENT = Map.of("ARV_SIGNUP_ENABLED", "true");

    private static ArvNode node;

    @Override
    public void beforeAll(ExtensionContext context) {
        running();
    }

    /** The node, started if it is not running (the first class to need it, or one after a class that killed it). */
    static synchronized ArvNode running() {
        if (node == null) {
            node = ArvServer.stack().addNode(DIFFERENT_ENVIRONMENT);
        } else if (!node.isRunning()) {
            ServerLogs.keep("B", node.logFile());
            node.start();
        }
        return node;
    }

    /** Stops the node if it runs (a test that needs the suite's server alone, with nobody to take its work over). */
    static synchronized void stopIfRunning() {
        if (node != null && node.isRunning()) {
            node.stop();
        }
    }

    /** Keeps the log of B's last process (the stack stops it with the suite). */
    static synchronized void keepLog() {
        if (node != null) {
            ServerLogs.keep("B", node.logFile());
        }
    }

    /** The node as it is (a test that killed it sees it stopped). */
    ArvNode get() {
        synchronized (SecondNode.class) {
            return node;
        }
    }
}
