package app.arv.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers; everything ARV starts listens on the loopback interface only. */
final class FreePorts {

    static final String LOOPBACK = "127.0.0.1";

    private FreePorts() {
    }

    /** A port nobody listens on right now (the OS picks it, so parallel test runs don't collide). */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
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
}
