package app.arv.idempotency;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that fingerprints itself as whoever reads it (a JSON reader, a multipart parser)
 * reads it. An answer is only kept for a body read to its end: a request refused half-way (too
 * large, say) has no complete fingerprint, so its answer is not replayed.
 */
public final class FingerprintedBody extends FilterInputStream {

    /** What {@link #close()} and {@link #readToEnd} read at most of a rest nobody wanted (trailing whitespace, an epilogue). */
    private static final long TRAILER_BYTES = 64 * 1024;

    private final BodyFingerprint fingerprint;
    private boolean ended;
    private boolean closed;
    private byte[] hash;

    public FingerprintedBody(InputStream body, String contentType) {
        super(body);
        this.fingerprint = BodyFingerprint.of(contentType);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            ended = true;
        } else {
            fingerprint.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            ended = true;
        } else {
            fingerprint.update(buffer, offset, n);
        }
        return n;
    }

    /** Skipped bytes are part of the body too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Readers close the body once they have what they need; what little is left still counts. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            readToEnd(TRAILER_BYTES);
        } catch (IOException e) {
            // the client went away: the body stays unfinished
        } finally {
            closed = true;
            super.close();
        }
    }

    /** Reads (and fingerprints) at most {@code limit} more bytes; whether the end was reached. */
    public boolean readToEnd(long limit) throws IOException {
        if (closed) {
            return ended;
        }
        byte[] buffer = new byte[8192];
        long read = 0;
        while (!ended && read <= limit) {
            int n = read(buffer, 0, buffer.length);
            if (n > 0) {
                read += n;
            }
        }
        return ended;
    }

    /** Whether the whole body went through; after {@link #readToEnd} or the reader's own reading. */
    public boolean ended() {
        return ended;
    }

    /** The body's SHA-256 (multipart boundary normalized); only meaningful once {@link #ended()}. */
    public byte[] sha256() {
        if (hash == null) {
            hash = fingerprint.finish();
        }
        return hash.clone();
    }
}
