package app.arv.webhook;

import app.arv.notification.OccurrenceType;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSelectionTest {

    @Test
    void aStarSelectsEveryType() {
        assertThat(EventSelection.parse(List.of("marker.failed", "*")).all()).isTrue();
    }

    @Test
    void wireNamesAreReadWhateverTheirCase() {
        assertThat(EventSelection.parse(List.of("Marker.Failed", "api_key.created")).types())
                .containsExactly(OccurrenceType.MARKER_FAILED, OccurrenceType.API_KEY_CREATED);
    }

    @Test
    void unknownTypesTheTestTypeAndNothingAtAllAreRefused() {
        assertThatThrownBy(() -> EventSelection.parse(List.of("marker.exploded"))).isInstanceOf(DomainException.class)
                .hasMessageContaining("marker.exploded");
        assertThatThrownBy(() -> EventSelection.parse(List.of("test"))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> EventSelection.parse(List.of())).isInstanceOf(DomainException.class);
    }
}
