package app.arv.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An S3 endpoint on 127.0.0.1 that takes writes and deletions as a store does and misbehaves in one way when an
 * object is read: what an organization admin's own endpoint can answer. Credentials are not checked.
 */
public final class MisbehavingS3 implements AutoCloseable {

    /** How it answers a read of an object. */
    public enum Misbehaviour {
        /** Promises 1000 bytes, sends 10 and drops the connection. */
        CUT_SHORT
    }

    private final Misbehaviour misbehaviour;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public MisbehavingS3(Misbehaviour misbehaviour) throws IOException {
        this.misbehaviour = misbehaviour;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    exchange.getResponseHeaders().add("ETag", "\"0\"");
                    exchange.sendResponseHeaders(200, -1);
                }
                case "DELETE" -> exchange.sendResponseHeaders(204, -1);
                case "GET" -> read(exchange);
                default -> exchange.sendResponseHeaders(501, -1);
            }
        }
    }

    private void read(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        switch (misbehaviour) {
            case CUT_SHORT -> {
                exchange.sendResponseHeaders(200, 1000);
                OutputStream body = exchange.getResponseBody();
                body.write(new byte[10]);
                body.flush();
                // Closing the exchange with 990 bytes owed makes the server drop the connection.
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
