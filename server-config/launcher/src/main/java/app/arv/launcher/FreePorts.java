package app.arv.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ports ARV picks for what it starts; everything listens on the loopback interface only.
 *
 * <p>A port is picked when a stack is built and bound only when its service starts, seconds later. A port the
 * operating system handed out for port 0 could be handed out again in between: to a browser's DevTools endpoint, a
 * test's own server, anything that binds port 0 meanwhile — and the service then finds its port taken. So ports are
 * picked from outside the range the system hands out (its ephemeral range, also the one outgoing connections take
 * their local port from), at random, never twice in one process, and only when nothing can be bound there now.
 */
public final class FreePorts {

    static final String LOOPBACK = "127.0.0.1";

    /** Below this, ports are left to the services people run with their usual ports (8080, 5432, 6379, 8025…). */
    static final int LOWEST = 10_000;

    private static final int HIGHEST = 65_535;
    /** The range the system hands out when it can't tell: Linux's default. */
    private static final PortRange LINUX_DEFAULT_EPHEMERAL = new PortRange(32_768, 60_999);
    private static final Path LINUX_EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 500;

    private static final PortRange CANDIDATES = outside(ephemeralRange());
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port nothing listens on now, that this process has not picked before and the system won't hand out. */
    public static int pick() {
        return pickFrom(CANDIDATES);
    }

    static int pickFrom(PortRange candidates) {
        if (candidates == null) {
            // The system hands out (nearly) every port: fall back to what it picks.
            return systemPick();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = candidates.random();
            if (!HANDED_OUT.contains(port) && canBind(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on " + LOOPBACK + " in " + candidates + " after " + ATTEMPTS + " tries");
    }

    /** Fails early with a clear message instead of letting a server die on "address in use". */
    static void requireFree(int port, String what) {
        if (isListening(port)) {
            throw new IllegalStateException(what + ": port " + port + " on " + LOOPBACK
                    + " is already in use (another ARV or service running?)");
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The wider of the gaps below and above the ephemeral range, or null when neither is worth picking from. */
    static PortRange outside(PortRange ephemeral) {
        PortRange below = ephemeral.first() - 1 - LOWEST >= 1_000 ? new PortRange(LOWEST, ephemeral.first() - 1) : null;
        PortRange above = HIGHEST - ephemeral.last() >= 1_000 ? new PortRange(ephemeral.last() + 1, HIGHEST) : null;
        if (below == null || above == null) {
            return below == null ? above : below;
        }
        return below.size() >= above.size() ? below : above;
    }

    /** The range this machine hands out for port 0 and outgoing connections. */
    static PortRange ephemeralRange() {
        try {
            if (Files.isReadable(LINUX_EPHEMERAL_RANGE)) {
                String[] bounds = Files.readString(LINUX_EPHEMERAL_RANGE).trim().split("\\s+");
                return new PortRange(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable or unexpected: assume the default below.
        }
        // macOS and Windows hand out 49152–65535 (IANA's dynamic ports); Linux's default reaches lower, so assume it.
        return LINUX_DEFAULT_EPHEMERAL;
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int systemPick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
    }

    /** Ports {@code first} to {@code last}, both included. */
    record PortRange(int first, int last) {

        int size() {
            return last - first + 1;
        }

        boolean contains(int port) {
            return port >= first && port <= last;
        }

        int random() {
            return ThreadLocalRandom.current().nextInt(first, last + 1);
        }

        @Override
        public String toString() {
            return first + "–" + last;
        }
    }
}
