package app.arv.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    private static final Instant CHANGED = Instant.parse("2026-12-01T03:00:00.500Z");

    @Test
    void aTokenIssuedBeforeThePasswordChangedIsNotAccepted() {
        assertThat(person(CHANGED).acceptsTokenIssuedAt(CHANGED.minusMillis(1))).isFalse();
    }

    @Test
    void aTokenIssuedAtOrAfterThePasswordChangedIsAccepted() {
        assertThat(person(CHANGED).acceptsTokenIssuedAt(CHANGED)).isTrue();
        assertThat(person(CHANGED).acceptsTokenIssuedAt(CHANGED.plusSeconds(1))).isTrue();
    }

    @Test
    void everyTokenIsAcceptedWhileThePasswordNeverChanged() {
        assertThat(person(null).acceptsTokenIssuedAt(Instant.EPOCH)).isTrue();
    }

    private static Caller person(Instant passwordChangedAt) {
        return new Caller(UUID.randomUUID(), null, UUID.randomUUID(), "ann@acme.example", Set.of("member"), passwordChangedAt);
    }
}
