package app.arv.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log file, for exception messages that must explain a failed start. */
final class LogTail {

    private LogTail() {
    }

    static String of(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log at " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return "--- last " + tail.size() + " lines of " + file + " ---\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
