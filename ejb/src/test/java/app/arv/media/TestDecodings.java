package app.arv.media;

import app.arv.imaging.input.DecodeGate;
import app.arv.imaging.input.ImageHeader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

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
     * {@code upload} started on a thread of its own, and returned once it waits for a slot of {@code decoding}, every
     * one of which is taken here: an upload held in its decode, as behind a slow store, while the test does what must
     * not wait for it. {@link HeldUpload#released()} lets it go on.
     */
    public static <T> HeldUpload<T> heldWaitingForASlot(ImageDecoding decoding, Callable<T> upload) throws InterruptedException {
        List<DecodeGate.Admission> taken = new ArrayList<>();
        while (decoding.freeSlots() > 0) {
            taken.add(occupySlot(decoding));
        }
        FutureTask<T> uploading = new FutureTask<>(upload);
        Thread thread = new Thread(uploading, "held upload");
        HeldUpload<T> held = new HeldUpload<>(taken, uploading);
        thread.start();
        try {
            awaitWaitingForASlot(thread);
        } catch (InterruptedException | RuntimeException | Error e) {
            held.close();
            throw e;
        }
        return held;
    }

    /** An upload waiting for a decode slot ({@link #heldWaitingForASlot}); closing frees the slots if not yet done. */
    public static final class HeldUpload<T> implements AutoCloseable {

        private final List<DecodeGate.Admission> slots;
        private final FutureTask<T> upload;
        private final AtomicBoolean freed = new AtomicBoolean();

        private HeldUpload(List<DecodeGate.Admission> slots, FutureTask<T> upload) {
            this.slots = slots;
            this.upload = upload;
        }

        /** Frees the slots it waits for, and answers what the upload answered, within 30 s. */
        public T released() throws InterruptedException, ExecutionException, TimeoutException {
            close();
            return upload.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            if (freed.compareAndSet(false, true)) {
                slots.forEach(DecodeGate.Admission::close);
            }
        }
    }

    /**
     * Waits until {@code thread} waits in {@link ImageDecoding} for a decode slot (a fixed pause would not show it got
     * there), for at most 30 s.
     */
    private static void awaitWaitingForASlot(Thread thread) throws InterruptedException {
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
