package app.arv.storage;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadDeadlineTest {

    /** A stream of {@code length} zeros that takes {@code pause} for each byte, one byte a read (as a trickling socket). */
    private static InputStream slow(int length, Duration pause) {
        return new InputStream() {
            private int left = length;

            @Override
            public int read() throws IOException {
                if (left == 0) {
                    return -1;
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int b = read();
                if (b < 0) {
                    return -1;
                }
                buffer[offset] = (byte) b;
                return 1;
            }
        };
    }

    @Test
    void aStreamSlowerThanTheMinimumRateFailsOnceItsDeadlinePasses() {
        // 100 bytes at 1000 a second after 200 ms: 300 ms; the stream takes 2 s.
        InputStream bounded = new ReadDeadline(Duration.ofMillis(200), 1000).bound(slow(100, Duration.ofMillis(20)), 100);
        long started = System.nanoTime();

        assertThatThrownBy(bounded::readAllBytes).isInstanceOf(ReadDeadline.TooSlow.class)
                .hasMessageContaining("of 100 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void aStreamOfUnknownLengthMustKeepTheMinimumRateBeyondTheGrace() {
        InputStream bounded = new ReadDeadline(Duration.ofMillis(200), 1000).bound(slow(100, Duration.ofMillis(20)), -1);

        assertThatThrownBy(bounded::readAllBytes).isInstanceOf(ReadDeadline.TooSlow.class);
    }

    @Test
    void aStreamWithinItsDeadlineReadsWhole() throws IOException {
        InputStream bounded = new ReadDeadline(Duration.ofMillis(200), 1000).bound(slow(5, Duration.ofMillis(10)), 5);

        assertThat(bounded.readAllBytes()).hasSize(5);
    }

    @Test
    void aFastStreamOfManyBytesIsNotCutShort() throws IOException {
        InputStream bounded = new ReadDeadline(Duration.ZERO, 1).bound(new ByteArrayInputStream(new byte[1_000_000]), 1_000_000);

        assertThat(bounded.readAllBytes()).hasSize(1_000_000);
    }
}
