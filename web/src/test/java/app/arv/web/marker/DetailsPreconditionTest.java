package app.arv.web.marker;

import app.arv.persistence.marker.ArContent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How a change's If-Match is read: tags of the content's current details pass, others and weak ones do not. */
class DetailsPreconditionTest {

    private final ArContent content = new ArContent(UUID.randomUUID(), UUID.randomUUID(), "Anna", UUID.randomUUID());

    @Test
    void noIfMatchIsUnconditional() {
        assertThat(DetailsPrecondition.of(null).test(content)).isTrue();
        assertThat(DetailsPrecondition.of(List.of()).test(content)).isTrue();
    }

    @Test
    void aStarAcceptsTheContent() {
        assertThat(DetailsPrecondition.of(List.of("*")).test(content)).isTrue();
    }

    @Test
    void aTagOfTheCurrentDetailsAmongOthersIsAccepted() {
        assertThat(DetailsPrecondition.of(List.of("\"7-1764676800.000000\", \"0-1764676800.000001\"")).test(content)).isTrue();
    }

    @Test
    void aTagOfOtherDetailsIsRefused() {
        assertThat(DetailsPrecondition.of(List.of("\"1-1764676800.000000\"")).test(content)).isFalse();
    }

    @Test
    void aWeakTagIsRefusedForIfMatchComparesStrongly() {
        assertThat(DetailsPrecondition.of(List.of("W/\"0-1764676800.000000\"")).test(content)).isFalse();
    }

    @Test
    void anEtagOfTheEarlierFormIsRefused() {
        assertThat(DetailsPrecondition.of(List.of("\"1764676800.000000\"")).test(content)).isFalse();
    }
}
