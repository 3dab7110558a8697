package app.arv.web.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps every server process's log and GC logs in {@code target/arv-it-logs/} ({@code A-1.log}, {@code A-2.log}, ...
 * for the suite's server, {@code B-1.log}, ... for the second node), so a failed or slow run can be read afterwards.
 * A node's log file is emptied when it starts, so a log is kept before each restart as well as at the end.
 */
final class ServerLogs {

    private static final Path DIR = Path.of("target", "arv-it-logs");
    private static final Map<String, Integer> KEPT = new HashMap<>();

    private ServerLogs() {
    }

    /** Copies the log of the node's process that just ended (or is about to), numbered after those kept before it. */
    static synchronized void keep(String node, Path logFile) {
        try {
            if (KEPT.isEmpty()) {
                emptyDir();
            }
            int number = KEPT.merge(node, 1, Integer::sum);
            Files.createDirectories(DIR);
            if (Files.exists(logFile)) {
                Files.copy(logFile, DIR.resolve(node + "-" + number + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
            try (DirectoryStream<Path> gcLogs = Files.newDirectoryStream(logFile.getParent(), "gc-*.log")) {
                for (Path gcLog : gcLogs) {
                    Files.copy(gcLog, DIR.resolve(node + "-" + gcLog.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("The log of " + node + " was not kept: " + e);
        }
    }

    /** A run's logs only: those of an earlier run (without mvn clean) would be taken for this one's. */
    private static void emptyDir() throws IOException {
        if (Files.isDirectory(DIR)) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(DIR)) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        }
    }
}
