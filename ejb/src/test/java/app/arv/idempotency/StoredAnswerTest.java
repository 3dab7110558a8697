package app.arv.idempotency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StoredAnswerTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"200, none", "201, none", "202, none", "204, none", "400, validation_failed",
            "400, malformed_body", "415, unsupported_media_type", "422, invalid_text", "422, no_files", "422, image_corrupt"})
    void answersThatDependOnTheRequestAloneAreKept(int status, String code) {
        assertThat(StoredAnswer.keeps(status, code)).isTrue();
    }

    /** A retry must do the work: failures, throttling, and refusals that depend on state that may change. */
    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504})
    void answersTheClientMayRetryAreNotKept(int status) {
        assertThat(StoredAnswer.keeps(status, null)).isFalse();
    }

    /** The operator may allow the endpoint, configure the provider, raise the limit: the same request may then succeed. */
    @ParameterizedTest
    @ValueSource(strings = {"endpoint_not_allowed", "unknown_provider", "image_too_large", "not_a_library_image"})
    void aRefusalThatDependsOnTheServersStateOrSettingsIsNotKept(String code) {
        assertThat(StoredAnswer.keeps(422, code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"some_future_code", ""})
    void aRefusalOfAnUnlistedKindIsNotKept(String code) {
        assertThat(StoredAnswer.keeps(422, code)).isFalse();
        assertThat(StoredAnswer.keeps(422, null)).isFalse();
    }
}
