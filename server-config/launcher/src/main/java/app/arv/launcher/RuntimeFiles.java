package app.arv.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files Payara Micro runs with, which the launcher module's build copies into
 * server-config/launcher/target/runtime: payara-micro.jar, postgresql.jar, artemis-rar.rar.
 */
public record RuntimeFiles(Path directory) {

    /** System property naming the runtime folder (default: found from the repository root). */
    public static final String PROPERTY = "arv.runtime.dir";

    public Path payaraMicro() {
        return require("payara-micro.jar");
    }

    public Path postgresqlDriver() {
        return require("postgresql.jar");
    }

    public Path artemisAdapter() {
        return require("artemis-rar.rar");
    }

    private Path require(String name) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build the launcher first "
                    + "(mvn -q -DskipTests -pl server-config/launcher -am package)");
        }
        return file;
    }

    /** -Darv.runtime.dir, else server-config/launcher/target/runtime under the repository root. */
    public static RuntimeFiles locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new RuntimeFiles(Path.of(configured).toAbsolutePath());
        }
        return new RuntimeFiles(RepositoryRoot.find().resolve("server-config/launcher/target/runtime"));
    }
}
