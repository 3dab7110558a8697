package app.arv.launcher;

import java.nio.file.Path;

/** A further ARV process of an {@link ArvStack} (see {@link ArvStack#addNode()}): its own port, the stack's services. */
public final class ArvNode {

    private final PayaraMicroServer payara;

    ArvNode(PayaraMicroServer payara) {
        this.payara = payara;
    }

    /** http://127.0.0.1:port (no trailing slash). */
    public String baseUrl() {
        return payara.baseUrl();
    }

    /** Process id of this node's Payara Micro JVM, or -1 while it is stopped. */
    public long pid() {
        return payara.pid();
    }

    public Path logFile() {
        return payara.logFile();
    }

    public boolean isRunning() { return payara.isRunning(); }

    /** Stops the node (SIGTERM, then SIGKILL after 30 s); after a SIGKILL from outside it only tidies up. */
    public void stop() {
        payara.stop();
    }

    /** Starts the node again on the same port. */
    public void start() {
        payara.start();
    }
}
