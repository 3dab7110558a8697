package app.arv.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads what ARV wrote to its standard output (the launcher keeps it in a log file). */
final class AccessLogLines {

    private AccessLogLines() {
    }

    static String awaitLineContaining(String text) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (var lines = Files.lines(ArvServer.stack().logFile())) {
                var found = lines.filter(line -> line.contains(text) && line.contains("\"LoggerName\":\"app.arv.access\"")).findFirst();
                if (found.isPresent()) {
                    return found.get().strip();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No access-log line containing " + text + " in " + ArvServer.stack().logFile());
    }

    /** Every line of the server's log so far that contains the text (a request id: what was logged while serving it). */
    static List<String> linesContaining(String text) throws IOException {
        try (var lines = Files.lines(ArvServer.stack().logFile())) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    /** How many lines the server's log has so far (a mark for {@link #linesAfter}). */
    static long lineCount() throws IOException {
        try (var lines = Files.lines(ArvServer.stack().logFile())) {
            return lines.count();
        }
    }

    /** The lines the server logged after its first {@code count} (what it logged since {@link #lineCount}). */
    static List<String> linesAfter(long count) throws IOException {
        try (var lines = Files.lines(ArvServer.stack().logFile())) {
            return lines.skip(count).toList();
        }
    }
}
