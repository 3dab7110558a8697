package app.arv.generation;

import app.arv.imaging.usdz.UsdzWriter;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class UsdzModelsTest {

    @Test
    void aConversionBeyondTheNodesBoundAnswersBusyWithRetryAfter() {
        UsdzModels models = new UsdzModels(2, Duration.ZERO);

        UsdzModels.Slot first = models.admit();
        UsdzModels.Slot second = models.admit();

        Throwable thrown = catchThrowable(() -> models.of(null)); // refused before the model is read

        assertThat(thrown).isInstanceOfSatisfying(DomainException.class, busy -> {
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.code()).isEqualTo("busy");
            assertThat(busy.retryAfter()).isPresent();
        });
        first.close();
        second.close();
    }

    @Test
    void theUsdzTagChangesWithTheWritersVersion() {
        assertThat(UsdzModels.tag("abc")).isEqualTo("abc-usdz" + UsdzWriter.VERSION);
    }
}
