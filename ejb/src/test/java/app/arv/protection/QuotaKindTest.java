package app.arv.protection;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaKindTest {

    @Test
    void theQuotasKeepTheNamesClientsAndOccurrenceMarksKnow() {
        assertThat(Arrays.stream(QuotaKind.values()).map(QuotaKind::wireName))
                .containsExactly("stored_bytes", "generations_per_month", "fal_allowed", "fal_items_per_month");
    }

    @Test
    void aRefusalNamesItsQuotaByTheWireName() {
        assertThat(LimitExceeded.quotaExceeded(QuotaKind.GENERATIONS_PER_MONTH, "over").quota())
                .isEqualTo("generations_per_month");
        assertThat(LimitExceeded.notGranted(QuotaKind.FAL_ALLOWED, "not yours").quota()).isEqualTo("fal_allowed");
    }

    @Test
    void aRateLimitNamesNoQuota() {
        assertThat(LimitExceeded.tooManyAtOnce("uploads", 2).quota()).isNull();
    }
}
