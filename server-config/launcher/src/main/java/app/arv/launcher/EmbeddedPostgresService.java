package app.arv.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL 16 from zonky's binaries, with its data in {@code <dataDir>/postgres} so it survives
 * restarts. ARV gets its own role and database ({@code arv}/{@code arv}).
 */
final class EmbeddedPostgresService extends EmbeddedService {

    static final String DATABASE = "arv";
    static final String USER = "arv";
    static final String PASSWORD = "arv";

    private final Path workingDirectory;
    private final Path logFile;
    private EmbeddedPostgres postgres;

    /**
     * @param stateDir the launcher's data dir; the cluster lives in stateDir/postgres and zonky's
     *                 unpacked binaries in stateDir/postgres-runtime. They are siblings on purpose:
     *                 zonky deletes unlocked folders inside its working directory.
     */
    EmbeddedPostgresService(Path stateDir, int port) {
        super("postgresql", stateDir.resolve("postgres"), port);
        this.workingDirectory = stateDir.resolve("postgres-runtime");
        this.logFile = stateDir.resolve("postgres.log");
    }

    @Override
    public String url() {
        return "jdbc:postgresql://" + FreePorts.LOOPBACK + ":" + port + "/" + DATABASE;
    }

    String user() {
        return USER;
    }

    String password() {
        return PASSWORD;
    }

    @Override
    public synchronized boolean isRunning() { return postgres != null; }

    /** The PostgreSQL server process while it runs (it is not a child of this JVM: pg_ctl starts it in the background). */
    Optional<ProcessHandle> server() {
        return isRunning() ? ProcessLedger.postmasterOf(dataDirectory) : Optional.empty();
    }

    @Override
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        FreePorts.requireFree(port, "PostgreSQL");
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(workingDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workingDirectory.toFile())
                    // zonky turns these off for speed; ARV's data must survive a crash.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", FreePorts.LOOPBACK)
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // PostgreSQL's own log (start, stop, crashes) next to its data, not in our console.
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    // ArvStack stops everything in order (Payara first) from its own shutdown hook.
                    .setRegisterShutdownHook(false)
                    .start();
            createRoleAndDatabase();
        } catch (IOException e) {
            postgres = null;
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " with data in "
                    + dataDirectory, e);
        }
    }

    /** Idempotent: the data directory persists, so the role and database may exist already. */
    private void createRoleAndDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", USER)) {
                s.execute("create role " + USER + " login password '" + PASSWORD + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("create database " + DATABASE + " owner " + USER + " encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the arv role/database in embedded PostgreSQL", e);
        }
    }

    private static boolean exists(Connection c, String query, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port + " did not stop cleanly", e);
        } finally {
            postgres = null;
        }
    }
}
