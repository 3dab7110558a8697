package app.arv.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * ARV with everything it needs: PostgreSQL, Redis and Artemis (embedded unless DATABASE_URL /
 * REDIS_URL / ARTEMIS_URL name running ones), an SMTP server with a web inbox (unless ARV_SMTP_HOST names
 * one) and Payara Micro running the WAR.
 *
 * <pre>{@code
 * try (ArvStack arv = ArvStack.builder().env("ARV_ADMIN_EMAIL", "admin@example.com").build().start()) {
 *     given().baseUri(arv.baseUrl()).get("/health/ready");
 *     arv.postgres().stop();   // readiness goes DOWN
 *     arv.postgres().start();  // same port, same data: readiness comes back UP
 * }
 * }</pre>
 */
public final class ArvStack implements AutoCloseable {

    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final BackingService postgres;
    private final DatabaseTarget database;
    private final BackingService redis;
    private final BackingService artemis;
    /** Null when ARV_SMTP_HOST names an SMTP server of the operator's. */
    private final LocalMailServer mail;
    private final FreezableProxy brokerProxy;
    private final PayaraMicroServer payara;
    private final NodeFactory nodeFactory;
    private final List<ArvNode> extraNodes = new ArrayList<>();
    private final Map<String, String> appEnvironment;
    private final ProcessLedger ledger;
    private Thread shutdownHook;
    private boolean closed;

    private ArvStack(Builder b) {
        this.temporaryDataDir = b.dataDir == null;
        this.dataDir = temporaryDataDir ? createTempDir() : b.dataDir.toAbsolutePath();
        this.ledger = new ProcessLedger(dataDir, Duration.ofSeconds(60));
        Map<String, String> outside = b.outsideEnvironment;

        String databaseUrl = outside.get("DATABASE_URL");
        if (blank(databaseUrl)) {
            EmbeddedPostgresService embedded = new EmbeddedPostgresService(dataDir, port(b.postgresPort));
            this.postgres = embedded;
            this.database = new DatabaseTarget(embedded.url(), embedded.user(), embedded.password());
        } else {
            this.postgres = new ExternalService("postgresql", databaseUrl, "DATABASE_URL");
            this.database = new DatabaseTarget(databaseUrl, outside.get("DATABASE_USER"), outside.get("DATABASE_PASSWORD"));
        }
        String redisUrl = outside.get("REDIS_URL");
        this.redis = blank(redisUrl)
                ? new EmbeddedRedisService(dataDir, port(b.redisPort))
                : new ExternalService("redis", redisUrl, "REDIS_URL");
        String artemisUrl = outside.get("ARTEMIS_URL");
        this.artemis = blank(artemisUrl)
                ? new EmbeddedArtemisService(dataDir, port(b.artemisPort))
                : new ExternalService("artemis", artemisUrl, "ARTEMIS_URL");

        // ARV_SMTP_HOST in the environment: that server, settings passed to ARV unchanged; else the local one.
        this.mail = blank(outside.get("ARV_SMTP_HOST")) ? new LocalMailServer(port(b.smtpPort), port(b.inboxPort)) : null;

        BrokerTarget real = BrokerTarget.of(artemis.url(), outside.get("ARTEMIS_USER"), outside.get("ARTEMIS_PASSWORD"));
        this.brokerProxy = b.freezableBroker ? new FreezableProxy(real.host(), real.port(), FreePorts.pick()) : null;
        // ARV (and its resource adapter) reach the broker through the proxy when there is one.
        BrokerTarget broker = brokerProxy == null
                ? real
                : BrokerTarget.of(
                        "tcp://" + FreePorts.LOOPBACK + ":" + brokerProxy.port(), real.user(), real.password());
        this.appEnvironment = new LinkedHashMap<>();
        appEnvironment.put("DATABASE_URL", database.jdbcUrl());
        appEnvironment.put("DATABASE_USER", database.user());
        appEnvironment.put("DATABASE_PASSWORD", database.password());
        appEnvironment.put("REDIS_URL", redis.url());
        appEnvironment.put("ARTEMIS_URL", broker.url());
        if (broker.hasCredentials()) {
            appEnvironment.put("ARTEMIS_USER", broker.user());
            appEnvironment.put("ARTEMIS_PASSWORD", broker.password());
        }
        appEnvironment.put("ARV_DATA_DIR", dataDir.resolve("files").toString());
        if (mail != null) {
            appEnvironment.put("ARV_SMTP_HOST", FreePorts.LOOPBACK);
            appEnvironment.put("ARV_SMTP_PORT", Integer.toString(mail.port()));
            appEnvironment.put("ARV_SMTP_TLS", "none");
        }
        appEnvironment.putAll(b.appEnvironment);

        if (b.servicesOnly) {
            this.nodeFactory = null;
            this.payara = null;
        } else {
            RuntimeFiles runtime = b.runtime != null ? b.runtime : RuntimeFiles.locate();
            Path war = war(b);
            PayaraCommands commands = new PayaraCommands(database, broker).withTransactionTimeout(b.transactionTimeout);
            this.nodeFactory = (httpPort, workDirectory, different) -> {
                Map<String, String> environment = new LinkedHashMap<>(appEnvironment);
                environment.putAll(different);
                return new PayaraMicroServer(runtime, war, httpPort, workDirectory, b.javaOptions, environment, b.startTimeout,
                        b.echo, commands, b.requiredChecks);
            };
            this.payara = nodeFactory.apply(port(b.httpPort), dataDir.resolve("payara"), Map.of());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the backing services, then ARV; returns when /health/ready answers 200. */
    public synchronized ArvStack start() {
        if (closed) {
            throw new IllegalStateException("this stack was closed; build a new one");
        }
        QuietLogging.apply();
        if (!temporaryDataDir) {
            ledger.stopLeftovers();
        }
        shutdownHook = new Thread(this::close, "arv-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            for (BackingService service : List.of(postgres, redis, artemis)) {
                if (service.isEmbedded()) {
                    service.start();
                }
            }
            if (brokerProxy != null) {
                brokerProxy.start();
            }
            if (mail != null) {
                mail.start();
            }
            if (payara != null) {
                Files.createDirectories(dataDir.resolve("files"));
                payara.start();
            }
            recordProcesses();
            return this;
        } catch (RuntimeException | IOException e) {
            close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /** http://127.0.0.1:port (no trailing slash); the API is under /api/v1. */
    public String baseUrl() {
        return requirePayara().baseUrl();
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + (path.startsWith("/") ? path : "/" + path));
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    public String databaseUser() {
        return database.user();
    }

    public String databasePassword() {
        return database.password();
    }

    public String redisUrl() {
        return redis.url();
    }

    public String artemisUrl() {
        return artemis.url();
    }

    public BackingService postgres() {
        return postgres;
    }

    public BackingService redis() {
        return redis;
    }

    public BackingService artemis() {
        return artemis;
    }

    /** Whether mail goes to the launcher's own SMTP server ({@link #mail()}) rather than ARV_SMTP_HOST's. */
    public boolean hasLocalMail() {
        return mail != null;
    }

    /** The local SMTP server: what ARV sent ({@code received()}), its web inbox, stop/start. */
    public LocalMailServer mail() {
        if (mail == null) {
            throw new IllegalStateException("ARV_SMTP_HOST is set: mail goes to that server, not a local one");
        }
        return mail;
    }

    /** The relay ARV reaches the broker through, to freeze it (see {@link Builder#freezableBroker(boolean)}). */
    public FreezableProxy brokerProxy() {
        if (brokerProxy == null) {
            throw new IllegalStateException("this stack was built without freezableBroker(true)");
        }
        return brokerProxy;
    }

    /** Root of everything this stack keeps on disk (postgres/, redis/, artemis/, files/, payara/). */
    public Path dataDir() {
        return dataDir;
    }

    /** Payara Micro's output: one JSON object per line. */
    public Path logFile() {
        return requirePayara().logFile();
    }

    /** The variables ARV runs with (DATABASE_URL, REDIS_URL, ARTEMIS_URL, ARV_DATA_DIR, ... and env(...) ones). */
    public Map<String, String> environment() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(appEnvironment));
    }

    /** Process id of the Payara Micro JVM (for RSS measurements), or -1. */
    public long payaraPid() {
        return requirePayara().pid();
    }

    /** Stops ARV only; the backing services keep running. */
    public void stopArv() {
        requirePayara().stop();
    }

    /** Starts ARV again (e.g. after stopArv) against the same services and data. */
    public void startArv() {
        requirePayara().start();
        recordProcesses();
    }

    public boolean isArvRunning() { return payara != null && payara.isRunning(); }

    /**
     * Starts one more ARV process (another cluster node) on a free port, with the same environment
     * against the same PostgreSQL, Redis, broker and files; returns when it is ready. {@link #close()}
     * stops it with the first one.
     */
    public synchronized ArvNode addNode() {
        return addNode(Map.of());
    }

    /**
     * {@link #addNode()} with some variables set differently on that node only (a feature switched on for one test
     * class, say), the stack's own nodes unchanged.
     */
    public synchronized ArvNode addNode(Map<String, String> differentEnvironment) {
        requirePayara();
        PayaraMicroServer node = nodeFactory.apply(FreePorts.pick(), dataDir.resolve("payara-" + (extraNodes.size() + 2)),
                differentEnvironment);
        ArvNode added = new ArvNode(node);
        extraNodes.add(added);
        node.start();
        recordProcesses();
        return added;
    }

    /**
     * Writes down the processes this stack runs, ARV's first, PostgreSQL's last (the order to stop them in), so that
     * the next launcher on this data directory can stop them if this one is killed outright ({@link ProcessLedger}).
     */
    private synchronized void recordProcesses() {
        List<ProcessHandle> servers = new ArrayList<>();
        extraNodes.forEach(node -> ProcessHandle.of(node.pid()).ifPresent(servers::add));
        if (payara != null) {
            ProcessHandle.of(payara.pid()).ifPresent(servers::add);
        }
        // Redis, and whatever else runs as a child of this JVM.
        ProcessHandle.current().children().filter(child -> !servers.contains(child)).forEach(servers::add);
        if (postgres instanceof EmbeddedPostgresService embedded) {
            embedded.server().ifPresent(servers::add);
        }
        ledger.record(servers);
    }

    /** Stops ARV first (so it shuts down against live services), then Artemis, Redis, PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        for (ArvNode node : extraNodes) {
            run(node::stop, failures);
        }
        if (payara != null) {
            run(payara::stop, failures);
        }
        if (brokerProxy != null) {
            run(brokerProxy::close, failures);
        }
        if (mail != null) {
            run(mail::close, failures);
        }
        for (BackingService service : List.of(artemis, redis, postgres)) {
            run(service::close, failures);
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run
            }
        }
        if (temporaryDataDir) {
            deleteQuietly(dataDir);
        } else if (failures.isEmpty()) {
            ledger.forget();
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** Alias of {@link #close()}. */
    public void stop() {
        close();
    }

    private PayaraMicroServer requirePayara() {
        if (payara == null) {
            throw new IllegalStateException("this stack runs the backing services only");
        }
        return payara;
    }

    private static void run(Runnable action, List<RuntimeException> failures) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static int port(int configured) {
        return configured > 0 ? configured : FreePorts.pick();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Path war(Builder b) {
        Path war = b.war;
        if (war == null) {
            String property = System.getProperty("arv.war");
            war = property != null && !property.isBlank()
                    ? Path.of(property)
                    : RepositoryRoot.find().resolve("web/target/arv.war");
        }
        war = war.toAbsolutePath();
        if (!Files.exists(war)) {
            throw new IllegalStateException(war + " does not exist: build it first (mvn -q -DskipTests package)");
        }
        return war;
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("arv-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            TreeDeletion.delete(root);
        } catch (IOException ignored) {
            // a temp folder left behind is not worth failing a test run for
        }
    }

    /** Settings; every one has a default suited to tests (free ports, a temporary data dir). */
    public static final class Builder {
        private Path dataDir;
        private int httpPort;
        private int postgresPort;
        private int redisPort;
        private int artemisPort;
        private int smtpPort;
        private int inboxPort;
        private Path war;
        private RuntimeFiles runtime;
        private final Map<String, String> appEnvironment = new LinkedHashMap<>();
        private Map<String, String> outsideEnvironment = System.getenv();
        private List<String> javaOptions = List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true");
        private Duration startTimeout = Duration.ofMinutes(3);
        private PrintStream echo;
        private boolean servicesOnly;
        private boolean freezableBroker;
        private Set<String> requiredChecks = Set.of("postgresql");
        private Duration transactionTimeout;

        private Builder() {
        }

        /** Persistent state; default: a temporary folder deleted by close(). */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** 0 (default) picks a free port. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder redisPort(int port) {
            this.redisPort = port;
            return this;
        }

        public Builder artemisPort(int port) {
            this.artemisPort = port;
            return this;
        }

        /** The local SMTP server's port (0, the default, picks a free one). */
        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        /** The local mail inbox page's HTTP port (0, the default, picks a free one). */
        public Builder inboxPort(int port) {
            this.inboxPort = port;
            return this;
        }

        /** Default: -Darv.war, else web/target/arv.war under the repository root. */
        public Builder war(Path war) {
            this.war = war;
            return this;
        }

        /** Folder with payara-micro.jar, postgresql.jar, artemis-rar.rar; default: -Darv.runtime.dir or the launcher's target/runtime. */
        public Builder runtimeDir(Path directory) {
            this.runtime = new RuntimeFiles(directory.toAbsolutePath());
            return this;
        }

        /** A variable for ARV itself (ARV_ADMIN_EMAIL, ARV_ADMIN_PASSWORD, ARV_JWT_ISSUER, ...). */
        public Builder env(String name, String value) {
            appEnvironment.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /**
         * Where DATABASE_URL/DATABASE_USER/DATABASE_PASSWORD, REDIS_URL, ARTEMIS_URL and ARV_SMTP_HOST are looked
         * up to decide embedded vs external (default: System.getenv()). Pass Map.of() to always embed.
         */
        public Builder outsideEnvironment(Map<String, String> environment) {
            this.outsideEnvironment = Map.copyOf(environment);
            return this;
        }

        /** JVM options of the Payara Micro process; default -Xms256m -Xmx1g -XX:+UseSerialGC -Djava.awt.headless=true. */
        public Builder javaOptions(List<String> options) {
            this.javaOptions = List.copyOf(options);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Also copy Payara's output to this stream (the run command passes System.out). */
        public Builder echoLog(PrintStream out) {
            this.echo = out;
            return this;
        }

        /**
         * ARV reaches the broker through a {@link FreezableProxy} ({@link ArvStack#brokerProxy()}), so a test can make
         * the broker unreachable the way a stopped (SIGSTOPped) broker process is: connections open, nothing answers.
         */
        public Builder freezableBroker(boolean freezable) {
            this.freezableBroker = freezable;
            return this;
        }

        /** Only PostgreSQL, Redis and Artemis; no Payara (for Payara Server checks and manual runs). */
        public Builder servicesOnly(boolean servicesOnly) {
            this.servicesOnly = servicesOnly;
            return this;
        }

        /**
         * Readiness checks that /health/ready must list before start() returns (default postgresql, ARV's one readiness
         * check). Their presence proves the WAR is deployed; Payara answers /health/ready without it.
         */
        public Builder requiredReadinessChecks(String... names) {
            this.requiredChecks = Set.of(names);
            return this;
        }

        /**
         * The server's transaction timeout instead of post-boot-commands.txt's 120 s: a test of what outlives it need
         * not wait two minutes.
         */
        public Builder transactionTimeout(Duration timeout) {
            this.transactionTimeout = timeout;
            return this;
        }

        public ArvStack build() {
            return new ArvStack(this);
        }
    }

    /** Makes one ARV process: its port, its work directory, variables that differ from the stack's. */
    private interface NodeFactory {
        PayaraMicroServer apply(int httpPort, Path workDirectory, Map<String, String> differentEnvironment);
    }
}
