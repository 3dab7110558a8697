package app.arv.webhook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"9b2f5c1e-0000-4000-8000-000000000001\",\"type\":\"test\"}";
    private static final String SECRET = "whsec_0123456789abcdef0123456789abcdef";

    @Test
    void theSignatureIsTheHexHmacSha256OfTimestampDotBody() {
        // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(SECRET, b'1700000000.' + BODY, hashlib.sha256).hexdigest())"
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY))
                .isEqualTo("47fcd2d08499ebe3de0648f5966132c4c55e75cfbfec0ee042405555df877c52");
    }

    @Test
    void theHeaderCarriesTheTimestampAndOneSignaturePerSecret() {
        String header = WebhookSignature.header(1_700_000_000L, BODY, List.of(SECRET, "previous-secret-previous-secret-00"));

        assertThat(header).isEqualTo("t=1700000000, v1=47fcd2d08499ebe3de0648f5966132c4c55e75cfbfec0ee042405555df877c52,"
                + " v1=226aa5304924e7b45c8eaad405480728cd71d821a85a2d968b51835b0361f36d");
    }

    @Test
    void anotherTimestampGivesAnotherSignature() {
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_001L, BODY)).isNotEqualTo(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY));
    }
}
