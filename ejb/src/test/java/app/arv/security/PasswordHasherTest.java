package app.arv.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}
