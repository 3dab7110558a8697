package app.arv.launcher;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An Artemis broker in the launcher's JVM: persistent (NIO journal in {@code <dataDir>/artemis}),
 * one Core/TCP acceptor on 127.0.0.1, security off, address settings from {@code broker.properties}
 * (the same file a standalone broker reads).
 */
final class EmbeddedArtemisService extends EmbeddedService {

    /** Classpath copy of server-config/src/main/artemis/broker.properties. */
    static final String BROKER_PROPERTIES = "/app/arv/launcher/artemis/broker.properties";

    private EmbeddedActiveMQ broker;

    EmbeddedArtemisService(Path stateDir, int port) {
        super("artemis", stateDir.resolve("artemis"), port);
    }

    @Override
    public String url() {
        return "tcp://" + FreePorts.LOOPBACK + ":" + port;
    }

    @Override
    public synchronized boolean isRunning() { return broker != null; }

    @Override
    public synchronized void start() {
        if (broker != null) {
            return;
        }
        FreePorts.requireFree(port, "Artemis");
        QuietLogging.apply();
        try {
            EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
            embedded.setConfiguration(configuration());
            embedded.start();
            broker = embedded;
        } catch (Exception e) {
            throw new IllegalStateException("Artemis did not start on port " + port + " with data in "
                    + dataDirectory, e);
        }
    }

    private Configuration configuration() throws Exception {
        Files.createDirectories(dataDirectory);
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("arv");
        config.setPersistenceEnabled(true);
        // libaio is not available everywhere; NIO is portable and durable.
        config.setJournalType(JournalType.NIO);
        config.setJournalDirectory(dataDirectory.resolve("journal").toString());
        config.setBindingsDirectory(dataDirectory.resolve("bindings").toString());
        config.setPagingDirectory(dataDirectory.resolve("paging").toString());
        config.setLargeMessagesDirectory(dataDirectory.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(dataDirectory.toString());
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setGracefulShutdownEnabled(true);
        config.setGracefulShutdownTimeout(5000);
        // Core protocol only: it is what the resource adapter speaks.
        config.addAcceptorConfiguration("core", url() + "?protocols=CORE");
        config.parseProperties(brokerPropertiesFile().toString());
        return config;
    }

    /** parseProperties reads a file, so the classpath copy is materialised next to the journal. */
    private Path brokerPropertiesFile() throws IOException {
        Path file = dataDirectory.resolve("broker.properties");
        try (InputStream in = EmbeddedArtemisService.class.getResourceAsStream(BROKER_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BROKER_PROPERTIES);
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @Override
    public synchronized void stop() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Artemis on port " + port + " did not stop cleanly", e);
        } finally {
            broker = null;
        }
    }
}
