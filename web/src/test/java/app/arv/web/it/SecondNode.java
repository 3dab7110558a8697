package app.arv.web.it;

import app.arv.launcher.ArvNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * A second ARV process (its own Payara Micro on another port, sharing the suite's PostgreSQL, Redis and
 * broker) for one test class: started before its tests, stopped after them. Register it after
 * {@link ArvServer} ({@code @RegisterExtension} on a static field runs after the class's {@code @ExtendWith}).
 */
final class SecondNode implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> differentEnvironment;
    private ArvNode node;

    SecondNode() {
        this(Map.of());
    }

    /** A node whose environment differs from the suite's server's in these variables (a feature switched on). */
    SecondNode(Map<String, String> differentEnvironment) {
        this.differentEnvironment = Map.copyOf(differentEnvironment);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        node = ArvServer.stack().addNode(differentEnvironment);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        node.stop();
    }

    ArvNode get() {
        return node;
    }
}
