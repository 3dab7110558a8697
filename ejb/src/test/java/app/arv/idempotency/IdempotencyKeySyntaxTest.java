package app.arv.idempotency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeySyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "order-2026-11-30/17", "5f0c8c1e-5b0e-4c4e-9b7e-1f1d2f3a4b5c", "with space and {}[]~!"})
    void printableAsciiKeysAreAccepted(String key) {
        assertThat(IdempotencyKeys.wellFormed(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "tab\there", "new\nline", "ключ", "nul\u0000"})
    void emptyBlankControlAndNonAsciiKeysAreRefused(String key) {
        assertThat(IdempotencyKeys.wellFormed(key)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void keysAreAtMost255Characters(int length) {
        assertThat(IdempotencyKeys.wellFormed("k".repeat(length))).isEqualTo(length <= 255);
    }
}
