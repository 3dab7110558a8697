package app.arv.launcher;

import java.nio.file.Path;

/** A backing service the launcher runs itself, on 127.0.0.1, with its data in a folder of its own. */
abstract class EmbeddedService implements BackingService {

    protected final Path dataDirectory;
    protected final int port;
    private final String name;

    EmbeddedService(String name, Path dataDirectory, int port) {
        this.name = name;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int port() {
        return port;
    }

    @Override
    public final boolean isEmbedded() { return true; }
}
