package app.arv.media;

import app.arv.imaging.input.DecodeGate;
import app.arv.imaging.input.ImageHeader;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The node's image decoding as configured, for the tests of services that decode outside this package. */
public final class TestDecodings {

    private TestDecodings() {
    }

    /** {@code slots} concurrent decodes, a request waiting {@code wait} for one, at most {@code maxPixels} per image. */
    public static ImageDecoding of(long maxPixels, int slots, Duration wait) {
        UploadRules rules = new UploadRules(10 << 20, 25, maxPixels, 0, List.of("image/jpeg", "image/png", "image/webp"));
        return new ImageDecoding(rules, slots, 128L << 20, wait);
    }

    /** Takes a slot as a running decode does, until the admission is closed. */
    public static DecodeGate.Admission occupySlot(ImageDecoding decoding) {
        return decoding.admitWithinWait(new ImageHeader("image/png", 1000, 1000, 24), 1);
    }

    /**
     * Waits until {@code thread} waits in {@link ImageDecoding} for a decode slot (a fixed pause would not show it got
     * there), for at most 30 s.
     */
    public static void awaitWaitingForASlot(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING
                || Arrays.stream(thread.getStackTrace()).noneMatch(frame -> frame.getClassName().equals(ImageDecoding.class.getName()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " did not wait for a decode slot within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
