package app.arv.imaging.mind.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingTest {

    @Test
    void itsEnglishQuotesItsFiguresWhereTheTextNamesThem() {
        Finding print = Finding.of(Finding.Kind.PRINT_LARGE, "print_width_cm", 18, "distance_cm", 50, "print_width_at_1m_cm", 36);

        assertThat(print.english()).isEqualTo("the camera must see it large: print at least 18 cm wide for viewing from 50 cm (36 cm from 1 m)");
    }

    @Test
    void itsCodeIsTheKindInSnakeCase() {
        assertThat(Finding.Kind.LARGE_FLAT_AREAS.code()).isEqualTo("large_flat_areas");
    }
}
