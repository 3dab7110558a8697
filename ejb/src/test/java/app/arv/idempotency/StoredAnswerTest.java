package app.arv.idempotency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StoredAnswerTest {

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 400, 415, 422})
    void answersThatDependOnTheRequestAloneAreKept(int status) {
        assertThat(StoredAnswer.keeps(status)).isTrue();
    }

    /** A retry must do the work: failures, throttling, and refusals that depend on state that may change. */
    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504})
    void answersTheClientMayRetryAreNotKept(int status) {
        assertThat(StoredAnswer.keeps(status)).isFalse();
    }
}
