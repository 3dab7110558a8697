package app.arv.media;

import app.arv.imaging.input.DecodeGate;
import app.arv.imaging.input.ImageHeader;
import app.arv.imaging.input.ImageTooLargeException;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageDecodingTest {

    private static final UploadRules RULES = new UploadRules(10 << 20, 25, 50_000_000, 0, List.of("image/png"));
    private static final ImageHeader HUGE = new ImageHeader("image/png", 7000, 7000, 64);

    @Test
    void aRequestFindingEverySlotTakenIsToldTheNodeIsBusyAndWhenToRetry() {
        ImageDecoding decoding = new ImageDecoding(RULES, 1, 128L << 20, Duration.ZERO);
        DecodeGate.Admission running = decoding.admitWithinWait(HUGE, 1);

        assertThatThrownBy(() -> decoding.admitWithinWait(HUGE, 1))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("busy");
                    assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive());
                });
        running.close();
    }

    @Test
    void aFinishedDecodeFreesItsSlot() {
        ImageDecoding decoding = new ImageDecoding(RULES, 1, 128L << 20, Duration.ZERO);
        decoding.admitWithinWait(HUGE, 1).close();

        DecodeGate.Admission next = decoding.admitWithinWait(HUGE, 1);

        assertThat(decoding.freeSlots()).isZero();
        next.close();
        assertThat(decoding.freeSlots()).isEqualTo(1);
    }

    @Test
    void aDecodeCostingMoreThanASlotTakesAsManySlotsAsItFillsUntilItIsOver() {
        ImageDecoding decoding = new ImageDecoding(RULES, 3, 128L << 20, Duration.ZERO);

        DecodeGate.Admission running = decoding.admitWithinWait(HUGE, 200L << 20);

        assertThat(decoding.freeSlots()).isEqualTo(1);
        running.close();
        assertThat(decoding.freeSlots()).isEqualTo(3);
    }

    @Test
    void aLossyWebpWhoseWholeFrameCannotFitAllTheSlotsIsRefusedAsTooLarge() {
        UploadRules rules = new UploadRules(10 << 20, 25, 50_000_000, 0, List.of("image/webp"));
        // 64x48 lossy: its decoder holds some 86 KB for the whole frame, more than two slots of 32 KB
        ImageDecoding decoding = new ImageDecoding(rules, 2, 32L << 10, Duration.ZERO);

        assertThatThrownBy(() -> decoding.forRequests().decode(TestImages.resource("lossy.webp"), 1024))
                .isInstanceOfSatisfying(ImageTooLargeException.class, e -> assertThat(e.maxPixels()).isLessThan(64 * 48));
        assertThat(decoding.freeSlots()).isEqualTo(2);
    }

    @Test
    void withoutAConfiguredCountTheSlotsFollowTheHeap() {
        ImageDecoding decoding = new ImageDecoding(RULES, 0, 128L << 20, Duration.ZERO);

        assertThat(decoding.freeSlots()).isEqualTo((int) Math.max(1, Runtime.getRuntime().maxMemory() / 3 / (128L << 20)));
    }

    @Test
    void theDecoderKeepsTheConfiguredPixelLimit() {
        ImageDecoding decoding = new ImageDecoding(RULES, 1, 128L << 20, Duration.ZERO);

        assertThat(decoding.forRequests().maxPixels()).isEqualTo(50_000_000);
        assertThat(decoding.forBackground().maxDecodedBytes()).isEqualTo(128L << 20);
    }
}
