package app.arv.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders server-config/src/main/payara/post-boot-commands.txt: the JDBC pool from the database
 * target and the resource adapter's broker address from ARTEMIS_URL. A test server may shorten the
 * transaction timeout ({@link #withTransactionTimeout}) so its test of what outlives it need not wait two minutes.
 */
public final class PayaraCommands {

    static final String TEMPLATE = "/app/arv/launcher/payara/post-boot-commands.txt";
    static final String LOGGING = "/app/arv/launcher/payara/logging.properties";
    static final String PRE_BOOT = "/app/arv/launcher/payara/pre-boot-commands.txt";

    /** Who reads the file: they unescape differently. */
    public enum Reader {
        /** Payara Micro's --postbootcommandfile passes tokens to the command unchanged. */
        PAYARA_MICRO,
        /** {@code asadmin multimode --file} strips one level of backslashes first. */
        ASADMIN
    }

    private final DatabaseTarget database;
    private final BrokerTarget broker;
    /** Null: the template's 120 s. */
    private final Duration transactionTimeout;

    public PayaraCommands(DatabaseTarget database, BrokerTarget broker) {
        this(database, broker, null);
    }

    private PayaraCommands(DatabaseTarget database, BrokerTarget broker, Duration transactionTimeout) {
        this.database = database;
        this.broker = broker;
        this.transactionTimeout = transactionTimeout;
    }

    /** These commands with the server's transaction timeout set to this instead of the template's (null: left as it is). */
    public PayaraCommands withTransactionTimeout(Duration timeout) {
        return new PayaraCommands(database, broker, timeout);
    }

    public String render(Reader reader) {
        String commands = resource(TEMPLATE)
                .replace("@DATABASE_PROPERTIES@", propertyList(database.dataSourceProperties(), reader))
                .replace("@ARTEMIS_ADAPTER_PROPERTIES@", propertyList(adapterProperties(), reader));
        if (transactionTimeout != null) {
            if (transactionTimeout.toSeconds() <= 0) {
                throw new IllegalArgumentException("a transaction timeout is a positive number of seconds: " + transactionTimeout);
            }
            // After the template's own setting: the last one set is the one that holds.
            commands += "\nset configs.config.server-config.transaction-service.timeout-in-seconds=" + transactionTimeout.toSeconds()
                    + "\n";
        }
        return commands;
    }

    public Path write(Path file, Reader reader) {
        return writeFile(file, render(reader));
    }

    /** The console-as-JSON logging configuration for Payara Micro (--logproperties). */
    public static Path writeLoggingProperties(Path file) {
        return writeFile(file, resource(LOGGING));
    }

    /** Payara Micro's pre-boot commands (--prebootcommandfile): HTTP on the loopback interface only. */
    public static Path writePreBootCommands(Path file) {
        return writeFile(file, resource(PRE_BOOT));
    }

    /** Owner-only: the commands carry the database's and the broker's passwords. */
    private static Path writeFile(Path file, String content) {
        return PrivateFiles.writeString(file, content);
    }

    private Map<String, String> adapterProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ConnectionParameters", "host=" + broker.host() + ";port=" + broker.port());
        // Used by MDB activations; the connection factories take ARTEMIS_USER/ARTEMIS_PASSWORD.
        if (broker.hasCredentials()) {
            properties.put("UserName", broker.user());
            if (!broker.password().isEmpty()) {
                properties.put("Password", broker.password());
            }
        }
        // No client-side buffering: every MDB message is a long job (a model, a compile job), and a consumer
        // that prefetches would hoard a batch's messages while other sessions and other nodes sit idle.
        properties.put("ConsumerWindowSize", "0");
        return properties;
    }

    /** asadmin --property syntax: name=value pairs joined by ':'; '\', ':' and '=' in values are escaped. */
    private static String propertyList(Map<String, String> properties, Reader reader) {
        String backslash = reader == Reader.ASADMIN ? "\\\\" : "\\";
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + escape(e.getValue(), backslash))
                .collect(Collectors.joining(":"));
    }

    private static String escape(String value, String backslash) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (Character.isWhitespace(c)) {
                throw new IllegalArgumentException("whitespace is not supported in server properties: '" + value + "'");
            }
            if (c == '\\' || c == ':' || c == '=') {
                out.append(backslash);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = PayaraCommands.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
