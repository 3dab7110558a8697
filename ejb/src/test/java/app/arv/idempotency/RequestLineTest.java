package app.arv.idempotency;

import app.arv.persistence.idempotency.IdempotencyRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLineTest {

    private static final String LONG = "POST /api/v1/generations?pad=" + "x".repeat(4_100) + " application/json";

    @Test
    void aLineThatFitsIsStoredAsItIs() {
        String line = "POST /api/v1/generations?x=1 application/json";

        assertThat(RequestLine.stored(line)).isEqualTo(line);
    }

    @Test
    void aLongerLineIsStoredInAFormThatFitsTheColumn() {
        assertThat(RequestLine.stored(LONG)).hasSizeLessThanOrEqualTo(IdempotencyRecord.MAX_REQUEST_LINE)
                .startsWith("sha256:").contains("POST /api/v1/generations?pad=xxx");
    }

    @Test
    void theSameLongLineIsStoredTheSameWaySoItsDuplicateIsReplayed() {
        assertThat(RequestLine.stored(LONG)).isEqualTo(RequestLine.stored(new String(LONG)));
    }

    @Test
    void longLinesThatDifferOnlyPastWhatFitsAreStoredDifferently() {
        String other = LONG.replace("x application/json", "y application/json");

        assertThat(RequestLine.stored(other)).isNotEqualTo(RequestLine.stored(LONG));
    }
}
