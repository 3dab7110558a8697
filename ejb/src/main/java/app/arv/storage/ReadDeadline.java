package app.arv.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * The overall deadline of a streamed read from a store: {@code grace} (the call timeout) plus the bytes expected at
 * {@code minBytesPerSecond}. The read timeout alone bounds only silence: a store that sends a byte every few seconds
 * would otherwise hold the reading thread (a request thread, a pooled database connection in a transaction) for as long
 * as it likes. Bytes beyond those expected (or all of them, when the length is unknown) get the same rate.
 * <p>
 * The deadline is checked whenever a read returns, so a read fails at most one read timeout after it.
 *
 * @param grace the time every read has whatever its length (connection, first byte, a slow start)
 * @param minBytesPerSecond the slowest average rate a read may keep beyond it
 */
public record ReadDeadline(Duration grace, long minBytesPerSecond) {

    /** 64 KiB a second: a 20 MB video in about five minutes, a portrait in seconds. */
    public static final long DEFAULT_MIN_BYTES_PER_SECOND = 64 * 1024;

    public ReadDeadline {
        if (grace.isNegative() || minBytesPerSecond <= 0) {
            throw new IllegalArgumentException("a read deadline needs a grace of zero or more and a rate above zero");
        }
    }

    /** {@code in}, failing with {@link TooSlow} (and closed) once a read returns past the deadline. */
    public InputStream bound(InputStream in, long expectedBytes) {
        return new Stream(in, Math.max(0, expectedBytes), System.nanoTime());
    }

    /** The store sent too slowly; an {@link IOException}, as readers of a store's stream expect. */
    public static final class TooSlow extends IOException {
        TooSlow(String message) {
            super(message);
        }
    }

    private final class Stream extends FilterInputStream {

        private final long expected;
        private final long started;
        private long read;

        Stream(InputStream in, long expected, long started) {
            super(in);
            this.expected = expected;
            this.started = started;
        }

        @Override
        public int read() throws IOException {
            checkDeadline();
            int b = super.read();
            if (b >= 0) {
                read++;
            }
            checkDeadline();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkDeadline();
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            checkDeadline();
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            checkDeadline();
            long skipped = super.skip(n);
            read += skipped;
            return skipped;
        }

        private void checkDeadline() throws IOException {
            long allowedMillis = grace.toMillis() + Math.max(expected, read) * 1000 / minBytesPerSecond;
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            if (elapsed > allowedMillis) {
                try {
                    in.close(); // hangs up on the store
                } catch (IOException | RuntimeException ignored) {
                    // the read fails either way
                }
                throw new TooSlow("the store sent " + read + (expected > 0 ? " of " + expected : "") + " bytes in "
                        + elapsed + " ms, slower than the minimum read rate of " + minBytesPerSecond
                        + " bytes a second after " + grace.toMillis() + " ms");
            }
        }
    }
}
