package app.arv.web.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multipart bodies are held to the request limit while they stream in (ArvServer sets it to
 * {@value #LIMIT} bytes): past it the server answers 413 payload_too_large at once and stops reading,
 * and no temporary file of the multipart reader (MIME*.tmp in the server's java.io.tmpdir) or the
 * upload spool outlives a request — accepted, refused or abandoned by the client.
 */
@ExtendWith(ArvServer.class)
@Isolated("counts the server's temporary upload files")
class MultipartLimitIT {

    static final long LIMIT = ArvServer.MAX_REQUEST_BYTES;
    private static final String BOUNDARY = "arv-limit-test-boundary";
    private static final int CHUNK = 1 << 20;

    private static Api.Tenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = Api.newTenant();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Content-Length: " + (LIMIT + 1)).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("\"code\":\"payload_too_large\"").contains("\"name\":\"max_request_bytes\"")
                    .contains("\"value\":" + LIMIT);
        }
    }

    @Test
    void aChunkedBodyIsCutOffSoonAfterTheLimitNotReadToItsEnd() throws Exception {
        long planned = 3 * LIMIT;
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            CompletableFuture<String> response = answerOn(socket);
            out.write(head("Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
            long sent = sendChunked(out, planned, response);

            assertThat(response.get(30, TimeUnit.SECONDS)).startsWith("HTTP/1.1 413").contains("\"code\":\"payload_too_large\"");
            assertThat(sent).as("bytes the client could send before the refusal").isLessThan(planned);
        }
        assertNoTemporaryFilesRemain();
    }

    @Test
    void aBodyCutOffPastTheLimitIsRefusedWithItsRequestIdAndTheSecurityHeaders() throws Exception {
        String requestId = "over-limit-" + UUID.randomUUID();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            CompletableFuture<String> response = answerOn(socket);
            out.write(head("Transfer-Encoding: chunked\r\nX-Request-ID: " + requestId).getBytes(StandardCharsets.US_ASCII));
            sendChunked(out, 3 * LIMIT, response);

            String answer = response.get(30, TimeUnit.SECONDS).toLowerCase(Locale.ROOT);
            assertThat(answer).startsWith("http/1.1 413").contains("\"code\":\"payload_too_large\"")
                    .contains("x-request-id: " + requestId.toLowerCase(Locale.ROOT))
                    .contains("x-content-type-options: nosniff").contains("x-frame-options: deny");
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithItsRequestIdAndTheSecurityHeaders() throws Exception {
        String requestId = "declared-over-limit-" + UUID.randomUUID();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Content-Length: " + (LIMIT + 1) + "\r\nX-Request-ID: " + requestId).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = readResponse(socket.getInputStream()).toLowerCase(Locale.ROOT);

            assertThat(answer).startsWith("http/1.1 413").contains("x-request-id: " + requestId.toLowerCase(Locale.ROOT))
                    .contains("x-content-type-options: nosniff").contains("x-frame-options: deny");
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithTheCorsHeadersOfAnAllowedOrigin() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Content-Length: " + (LIMIT + 1) + "\r\nOrigin: " + ArvServer.CORS_ORIGIN).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = readResponse(socket.getInputStream()).toLowerCase(Locale.ROOT);

            assertThat(answer).startsWith("http/1.1 413").contains("access-control-allow-origin: " + ArvServer.CORS_ORIGIN)
                    .contains("access-control-expose-headers: x-request-id");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithTheCorsHeadersOfAnAllowedOrigin() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            CompletableFuture<String> response = answerOn(socket);
            out.write(head("Transfer-Encoding: chunked\r\nOrigin: " + ArvServer.CORS_ORIGIN).getBytes(StandardCharsets.US_ASCII));
            sendChunked(out, 3 * LIMIT, response);

            String answer = response.get(30, TimeUnit.SECONDS).toLowerCase(Locale.ROOT);
            assertThat(answer).startsWith("http/1.1 413").contains("\"code\":\"payload_too_large\"")
                    .contains("access-control-allow-origin: " + ArvServer.CORS_ORIGIN);
        }
    }

    @Test
    void anAcceptedUploadLeavesNoTemporaryFiles() {
        MediaApi.upload(tenant.memberToken(), "big.jpg", HostileFiles.jpegOfSize(3 << 20)).statusCode(201);

        assertNoTemporaryFilesRemain();
    }

    @Test
    void anUploadTheClientAbandonsHalfwayLeavesNoTemporaryFiles() throws Exception {
        abandonAnUploadHalfway("abandoned-" + UUID.randomUUID());

        assertNoTemporaryFilesRemain();
    }

    @Test
    void anUploadTheClientAbandonsHalfwayIsNotLoggedAsAFailureOfOurs() throws Exception {
        String requestId = "abandoned-" + UUID.randomUUID();

        abandonAnUploadHalfway(requestId);

        AccessLogLines.awaitLineContaining(requestId); // the request is over
        assertThat(AccessLogLines.linesContaining(requestId)).noneMatch(line -> line.contains("\"Level\":\"SEVERE\""));
    }

    private static void abandonAnUploadHalfway(String requestId) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Content-Length: " + (8L << 20) + "\r\nX-Request-ID: " + requestId).getBytes(StandardCharsets.US_ASCII));
            out.write(partHead().getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            for (int i = 0; i < 4; i++) {
                out.write(chunk);
            }
            out.flush();
        }
    }

    private static Socket connect() throws IOException {
        URI base = URI.create(ArvServer.baseUrl());
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static String head(String lengthHeader) {
        return head("/api/v1/media", lengthHeader);
    }

    private static String head(String path, String lengthHeader) {
        return "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Authorization: Bearer " + tenant.memberToken() + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + lengthHeader + "\r\n"
                + "\r\n";
    }

    private static String partHead() {
        return partHead("files");
    }

    private static String partHead(String field) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
    }

    /** Sends one part of zeros in 1 MB chunks until {@code planned} bytes, the server's answer, or a closed connection. */
    private static long sendChunked(OutputStream out, long planned, CompletableFuture<String> response) {
        return sendChunked(out, planned, response, "files");
    }

    /** As above, the part in {@code field}. */
    private static long sendChunked(OutputStream out, long planned, CompletableFuture<String> response, String field) {
        long sent = 0;
        byte[] zeros = new byte[CHUNK];
        try {
            byte[] first = partHead(field).getBytes(StandardCharsets.US_ASCII);
            writeChunk(out, first, first.length);
            sent += first.length;
            while (sent < planned && !response.isDone()) {
                writeChunk(out, zeros, zeros.length);
                sent += zeros.length;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedByServer) {
            // the server stopped reading: what matters is how much it had taken
        }
        return sent;
    }

    private static void writeChunk(OutputStream out, byte[] data, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Status line, headers and a Content-Length body (the server's problem answers carry one). */
    /** The answer the server sends on {@code socket}, read while the test is still sending. */
    private static CompletableFuture<String> answerOn(Socket socket) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return readResponse(socket.getInputStream());
            } catch (IOException e) {
                return "read failed: " + e;
            }
        });
    }

    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        int length = Arrays.stream(head.toString().split("\r\n"))
                .filter(line -> line.toLowerCase().startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElse(0);
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Within a few seconds (cleanup runs as the request ends) no MIME*.tmp and no spooled upload is left. */
    private static void assertNoTemporaryFilesRemain() {
        Path serverTemp = ArvServer.stack().dataDir().resolve("payara").resolve("tmp");
        Path spool = ArvServer.stack().dataDir().resolve("files").resolve("spool");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long left;
        do {
            left = count(serverTemp, "MIME") + count(spool, "");
            if (left == 0) {
                return;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        assertThat(left).as("temporary files left in %s and %s", serverTemp, spool).isZero();
    }

    private static long count(Path directory, String prefix) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith(prefix)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
