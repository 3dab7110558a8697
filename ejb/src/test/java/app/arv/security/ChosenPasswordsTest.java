package app.arv.security;

import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChosenPasswordsTest {

    private final PasswordHasher hasher = new PasswordHasher(4);
    private final ChosenPasswords chosen = chosen(hasher);

    @Test
    void aPasswordThatMeetsThePolicyBecomesAHashItMatches() {
        String hash = chosen.hashOf("violet-harbour-47-lanterns", "ann@acme.example");

        assertThat(hasher.matches("violet-harbour-47-lanterns", hash)).isTrue();
    }

    @Test
    void aPasswordThatBreaksThePolicyForThePersonsAddressIsRefusedAsWeak() {
        assertThatThrownBy(() -> chosen.hashOf("Annabel.Smith-2026", "annabel.smith@acme.example"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("weak_password"));
    }

    private static ChosenPasswords chosen(PasswordHasher hasher) {
        ChosenPasswords chosen = new ChosenPasswords();
        chosen.policy = new PasswordPolicy(10);
        chosen.hasher = hasher;
        return chosen;
    }
}
