package app.arv.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ARV checkout, found by walking up from the working directory (Maven runs tests in the module
 * folder, run.sh in the root) or, failing that, from where this class was loaded.
 */
final class RepositoryRoot {

    /** System property overriding the search. */
    static final String PROPERTY = "arv.repository.root";

    private RepositoryRoot() {
    }

    static Path find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path fromCwd = search(Path.of("").toAbsolutePath());
        if (fromCwd != null) {
            return fromCwd;
        }
        try {
            Path fromCode = search(Path.of(RepositoryRoot.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()));
            if (fromCode != null) {
                return fromCode;
            }
        } catch (Exception ignored) {
            // fall through to the error below
        }
        throw new IllegalStateException("cannot find the ARV repository root above " + Path.of("").toAbsolutePath()
                + "; set -D" + PROPERTY + "=<path>");
    }

    private static Path search(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("server-config/launcher"))) {
                return dir;
            }
        }
        return null;
    }
}
