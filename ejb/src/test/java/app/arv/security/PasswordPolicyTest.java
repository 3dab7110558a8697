package app.arv.security;

import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(10);

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThatCode(() -> policy.check("violet-harbour-47-lanterns", "ann@acme.example")).doesNotThrowAnyException();
    }

    @Test
    void aPasswordShorterThanTheMinimumIsRefused() {
        assertWeak("k9#Lm2!pQ", "ann@acme.example", "at least 10 characters");
    }

    @Test
    void theMinimumCountsCharactersNotBytes() {
        assertThatCode(() -> policy.check("ёжиквтуманеx", "ann@acme.example")).doesNotThrowAnyException();
    }

    @Test
    void aPasswordOfMoreThan72BytesIsRefused() {
        assertWeak("é".repeat(37), "ann@acme.example", "72 bytes");
    }

    @Test
    void aPasswordContainingTheAddresssNamePartIsRefusedWhateverTheCase() {
        assertWeak("Annabel.Smith-2026", "annabel.smith@acme.example", "name part");
    }

    @Test
    void aVeryShortNamePartIsNotARule() {
        assertThatCode(() -> policy.check("violet-harbour-47", "vi@acme.example")).doesNotThrowAnyException();
    }

    @Test
    void aCommonPasswordIsRefusedWhateverTheCase() {
        assertWeak("QwertyUiop", "ann@acme.example", "most common");
        assertWeak("change-me-please", "ann@acme.example", "most common");
    }

    private void assertWeak(String password, String email, String rule) {
        assertThatThrownBy(() -> policy.check(password, email)).isInstanceOfSatisfying(DomainException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("weak_password");
            org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(422);
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(rule);
        });
    }
}
