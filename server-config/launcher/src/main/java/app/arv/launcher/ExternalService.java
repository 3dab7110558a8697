package app.arv.launcher;

import java.net.URI;

/** A service that runs elsewhere (its URL came from the environment): the launcher does not control it. */
final class ExternalService implements BackingService {

    private final String name;
    private final String url;
    private final String variable;

    ExternalService(String name, String url, String variable) {
        this.name = name;
        this.url = url;
        this.variable = variable;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public int port() {
        String authority = url.startsWith("jdbc:") ? url.substring(5) : url;
        return URI.create(authority).getPort();
    }

    @Override
    public boolean isEmbedded() { return false; }

    @Override
    public boolean isRunning() { return true; }

    @Override
    public void start() {
        throw notControlled();
    }

    @Override
    public void stop() {
        throw notControlled();
    }

    @Override
    public void close() {
        // Not ours to stop.
    }

    private UnsupportedOperationException notControlled() {
        return new UnsupportedOperationException(name + " is external (" + variable + "=" + ShownUrl.of(url)
                + "); the launcher cannot start or stop it");
    }
}
