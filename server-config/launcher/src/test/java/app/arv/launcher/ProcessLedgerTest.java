package app.arv.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the next launcher on a data directory does with the processes a killed launcher left running. */
class ProcessLedgerTest {

    @TempDir
    Path dataDir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatTheTestStarted() {
        started.forEach(Process::destroyForcibly);
    }

    private ProcessHandle server() throws IOException {
        Process process = new ProcessBuilder("sleep", "600").start();
        started.add(process);
        return process.toHandle();
    }

    private ProcessLedger ledger() {
        return new ProcessLedger(dataDir, Duration.ofSeconds(10));
    }

    /** The ledger as a launcher that has since died would have left it: that launcher's line, then its servers'. */
    private void writtenByAGoneLauncher(String... serverLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of("999999999 2020-01-01T00:00:00Z"));
        lines.addAll(List.of(serverLines));
        Files.write(dataDir.resolve(ProcessLedger.FILE_NAME), lines);
    }

    private static String lineOf(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().orElseThrow();
    }

    @Test
    void theServersOfALauncherThatIsGoneAreStopped() throws Exception {
        ProcessHandle payara = server();
        ProcessHandle redis = server();
        writtenByAGoneLauncher(lineOf(payara), lineOf(redis));

        int stopped = ledger().stopLeftovers();

        assertEquals(2, stopped);
        assertFalse(payara.isAlive());
        assertFalse(redis.isAlive());
        assertFalse(Files.exists(dataDir.resolve(ProcessLedger.FILE_NAME)));
    }

    @Test
    void aProcessThatReusedARecordedIdIsLeftAlone() throws Exception {
        ProcessHandle unrelated = server();
        writtenByAGoneLauncher(unrelated.pid() + " " + Instant.parse("2020-01-01T00:00:00Z"));

        int stopped = ledger().stopLeftovers();

        assertEquals(0, stopped);
        assertTrue(unrelated.isAlive());
    }

    @Test
    void startingIsRefusedWhileTheRecordedLauncherStillRuns() throws Exception {
        ProcessHandle otherLauncher = server();
        ProcessHandle itsServer = server();
        Files.write(dataDir.resolve(ProcessLedger.FILE_NAME), List.of(lineOf(otherLauncher), lineOf(itsServer)));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ledger().stopLeftovers());
        assertTrue(refused.getMessage().contains("Another launcher (process " + otherLauncher.pid() + ")"), refused.getMessage());
        assertTrue(itsServer.isAlive());
    }

    @Test
    void theLauncherIsRecordedBeforeItsServers() throws Exception {
        ProcessHandle payara = server();

        ledger().record(List.of(payara));

        assertEquals(List.of(lineOf(ProcessHandle.current()), lineOf(payara)),
                Files.readAllLines(dataDir.resolve(ProcessLedger.FILE_NAME)));
    }

    @Test
    void aCleanStopLeavesNothingToStop() throws Exception {
        ProcessHandle payara = server();
        ledger().record(List.of(payara));

        ledger().forget();

        assertEquals(0, ledger().stopLeftovers());
        assertTrue(payara.isAlive());
    }
}
