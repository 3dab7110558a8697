package app.arv.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The processes a launcher started on a data directory, written into it ({@code launcher.pids}): the launcher's own
 * first, then its servers in the order they are to be stopped (ARV before the services it needs). A launcher that was
 * killed outright (SIGKILL, the OOM killer, a closed terminal tab) runs no shutdown hook, so its PostgreSQL, Redis and
 * Payara Micro stay up, holding the ports and the data directory; the next launcher on that directory stops them
 * before it starts its own. A process counts as the one written down only if its start time matches too (a process
 * id can be reused), and a launcher that is still running is never stopped: then starting is refused.
 */
final class ProcessLedger {

    static final String FILE_NAME = "launcher.pids";
    private static final Logger LOG = Logger.getLogger(ProcessLedger.class.getName());

    private final Path file;
    private final Duration patience;

    ProcessLedger(Path dataDir, Duration patience) {
        this.file = dataDir.resolve(FILE_NAME);
        this.patience = patience;
    }

    /**
     * Stops what the last launcher on this directory left running (a request to stop, then a kill after the patience);
     * answers how many it stopped.
     *
     * @throws IllegalStateException when that launcher is still running
     */
    int stopLeftovers() {
        List<Optional<ProcessHandle>> recorded = recorded();
        if (recorded.isEmpty()) {
            return 0;
        }
        Optional<ProcessHandle> launcher = recorded.get(0).filter(process -> process.pid() != ProcessHandle.current().pid());
        if (launcher.isPresent()) {
            throw new IllegalStateException("Another launcher (process " + launcher.get().pid() + ") runs on "
                    + file.getParent() + ": stop it first, or give this one another data directory");
        }
        int stopped = 0;
        for (Optional<ProcessHandle> server : recorded.subList(1, recorded.size())) {
            if (server.isPresent()) {
                ProcessHandle leftover = server.get();
                LOG.warning(() -> "Stopping process " + leftover.pid() + " (" + leftover.info().command().orElse("?")
                        + "), left running by a launcher that did not stop");
                stop(leftover);
                stopped++;
            }
        }
        forget();
        return stopped;
    }

    /** Writes down this launcher and {@code servers} (in the order they are to be stopped), replacing what was there. */
    void record(List<ProcessHandle> servers) {
        List<String> lines = new ArrayList<>();
        lines.add(line(ProcessHandle.current()));
        servers.stream().filter(ProcessHandle::isAlive).map(ProcessLedger::line).forEach(lines::add);
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** After a clean stop: nothing is left to stop. */
    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "cannot delete " + file + ": " + e.getMessage());
        }
    }

    /** The PostgreSQL server of a data directory, from the lock file it keeps there (its first line is its process id). */
    static Optional<ProcessHandle> postmasterOf(Path clusterDirectory) {
        Path lockFile = clusterDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(lockFile) ? Files.readAllLines(lockFile, StandardCharsets.UTF_8) : List.of();
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void stop(ProcessHandle process) {
        process.destroy();
        if (!ended(process, patience)) {
            LOG.warning(() -> "Process " + process.pid() + " did not stop within " + patience + ": killing it");
            process.destroyForcibly();
            ended(process, patience);
        }
    }

    private static boolean ended(ProcessHandle process, Duration within) {
        CompletableFuture<ProcessHandle> exit = process.onExit();
        try {
            exit.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Each line's process while it is still the same process (same id, same start time), else empty: the launcher
     * first, then its servers.
     */
    private List<Optional<ProcessHandle>> recorded() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Optional<ProcessHandle>> found = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.strip().split(" ");
            try {
                Instant started = Instant.parse(parts[1]);
                found.add(ProcessHandle.of(Long.parseLong(parts[0]))
                        .filter(process -> process.info().startInstant().map(started::equals).orElse(false)));
            } catch (RuntimeException unreadable) {
                LOG.fine(() -> "ignoring line '" + line + "' of " + file);
            }
        }
        return found;
    }

    private static String line(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().orElse(Instant.EPOCH);
    }
}
