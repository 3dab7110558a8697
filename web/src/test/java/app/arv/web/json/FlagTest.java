package app.arv.web.json;

import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlagTest {

    @Test
    void trueAndFalseAreReadAsThemselves() {
        assertThat(Flag.of("force", "true")).isTrue();
        assertThat(Flag.of("force", "false")).isFalse();
    }

    @Test
    void anAbsentFlagIsFalseOrUndecided() {
        assertThat(Flag.of("force", null)).isFalse();
        assertThat(Flag.optional("redirect", null)).isNull();
    }

    @Test
    void anyOtherWordIsAnInvalidFilterNotFalse() {
        assertThatThrownBy(() -> Flag.of("unread", "yes")).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("invalid_filter");
            assertThat(refused.getMessage()).isEqualTo("unread must be true or false");
        });
    }
}
