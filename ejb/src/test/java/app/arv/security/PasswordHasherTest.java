package app.arv.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void aPasswordMatchesItsOwnHashOnly() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery!", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hasher.hash("correct horse battery"));
    }

    @Test
    void theHashIsBcryptWithTheConfiguredCost() {
        assertThat(hasher.hash("correct horse battery")).startsWith("$2a$04$");
    }

    @Test
    void theDecoyForUnknownAccountsCostsWhatARealCheckCosts() {
        PasswordHasher production = new PasswordHasher(11);

        assertThat(PasswordHasher.costOf(production.decoy())).isEqualTo(11);
        assertThat(PasswordHasher.costOf(hasher.decoy())).isEqualTo(4);
    }

    @Test
    void seventyTwoBytesAreKeptWhole() {
        String longest = "x".repeat(71) + "y";

        assertThat(hasher.matches(longest, hasher.hash(longest))).isTrue();
        assertThat(hasher.matches("x".repeat(72), hasher.hash(longest))).isFalse();
    }

    @Test
    void bytesNotCharactersAreCounted() {
        assertThat(PasswordHasher.fits("é".repeat(36))).isTrue();
        assertThat(PasswordHasher.fits("é".repeat(37))).isFalse();
    }

    @Test
    void aPasswordTooLongToHaveBeenStoredNeverMatches() {
        String hash = hasher.hash("x".repeat(72));

        assertThat(hasher.matches("x".repeat(80), hash)).isFalse();
    }

    @Test
    void aPasswordTooLongToKeepIsNotHashed() {
        assertThatThrownBy(() -> hasher.hash("x".repeat(73))).isInstanceOf(IllegalArgumentException.class);
    }
}
