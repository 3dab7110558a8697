package app.arv.identity;

import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.identity.ApiKey;
import app.arv.persistence.identity.ApiKeyScope;
import app.arv.shared.Jsonp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the admins and webhooks are told about an API key: what identifies it, never its secret or hash. */
class ApiKeyOccurrencesTest {

    @Test
    void aRevokedKeyIsToldAtItsRevocationWithItsNameScopeAndPrefixOnly() {
        ApiKey key = new ApiKey(UUID.randomUUID(), "ci key", ApiKeyScope.ADMIN, "arv_ab12", "secret-hash", null);
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        key.revoke(at);

        Occurrence told = ApiKeyOccurrences.revoked(key);

        assertThat(told.type()).isEqualTo(OccurrenceType.API_KEY_REVOKED);
        assertThat(told.organizationId()).isEqualTo(key.getOrganizationId());
        assertThat(told.subjectId()).isEqualTo(key.getId());
        assertThat(told.at()).isEqualTo(at);
        assertThat(told.data()).isEqualTo(Jsonp.readObject("{\"api_key_id\":\"" + key.getId() + "\",\"name\":\"ci key\","
                + "\"scope\":\"ADMIN\",\"prefix\":\"arv_ab12\"}"));
    }
}
