package app.arv.printkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrintSizeTest {

    @Test
    void namesAreReadInAnyCase() {
        assertThat(PrintSize.named("a5")).contains(PrintSize.A5);
        assertThat(PrintSize.named("10X15")).contains(PrintSize.CARD_10X15);
    }

    @Test
    void anUnknownNameIsNoSize() {
        assertThat(PrintSize.named("A3")).isEmpty();
        assertThat(PrintSize.named(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PrintSize.class)
    void theValidationPatternAcceptsEachSizesLabel(PrintSize size) {
        assertThat(size.label().matches(PrintSize.NAMES)).isTrue();
        assertThat(PrintSize.named(size.label())).contains(size);
    }

    @Test
    void millimetresBecomePointsAtSeventyTwoPerInch() {
        assertThat(PrintSize.points(25.4)).isEqualTo(72f);
        assertThat(PrintSize.points(PrintSize.A4.widthMm())).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.01f));
    }
}
