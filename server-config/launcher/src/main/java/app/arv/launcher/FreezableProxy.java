package app.arv.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a service that tests can freeze: while frozen it neither accepts (new
 * connections complete in the kernel's backlog and then hear nothing) nor forwards a byte on open
 * connections — what clients see of a server process stopped with SIGSTOP, which an embedded service in the
 * test's own JVM cannot be, or of one that vanished without a reset (a failover, a dropped NAT entry).
 * {@link #thaw()} lets everything held flow on. {@link ArvStack} puts one in front of the broker; the ejb
 * module's tests put one in front of their Redis ({@link #startedInFrontOf}). Plain JDK, so that they can take
 * this class without what the rest of the launcher needs.
 */
public final class FreezableProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean frozen;
    private volatile boolean closed;
    private ServerSocket server;

    FreezableProxy(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
    }

    /** A relay to {@code targetHost:targetPort}, listening on a free loopback port already. */
    public static FreezableProxy startedInFrontOf(String targetHost, int targetPort) {
        FreezableProxy proxy = new FreezableProxy(targetHost, targetPort, FreePorts.pick());
        proxy.start();
        return proxy;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = new ServerSocket(port, 50, InetAddress.getByName(FreePorts.LOOPBACK));
        } catch (IOException e) {
            throw new UncheckedIOException("proxy port " + port + " is not free", e);
        }
        Thread acceptor = new Thread(this::accept, "freezable-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** From now on nothing is accepted or forwarded, until {@link #thaw()}. */
    public void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    public void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    public boolean isFrozen() {
        synchronized (gate) {
            return frozen;
        }
    }

    private void awaitThawed() throws InterruptedException {
        synchronized (gate) {
            while (frozen && !closed) {
                gate.wait();
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                awaitThawed();
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException | InterruptedException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitThawed();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away: the other follows
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "freezable-proxy-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        thaw();
        if (server != null) {
            closeQuietly(server);
        }
        sockets.forEach(FreezableProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}
