package app.arv.marker;

import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.marker.ArContent;
import app.arv.shared.Jsonp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What people and webhooks are told about a content's marker and expiry: the whole data of each occurrence. */
class MarkerOccurrencesTest {

    private static final String QUALITY = "{\"verdict\":\"unusable\",\"score\":12,\"reasons\":[\"too few features\",\"low contrast\"]}";

    private final ArContent content = new ArContent(UUID.randomUUID(), UUID.randomUUID(), "Anna", UUID.randomUUID());

    @Test
    void aFailedMarkerIsToldWithItsStatusVerdictScoreReasonsAndFailure() {
        content.markerFailed("not a marker", 12, "unusable", QUALITY);

        Occurrence told = MarkerOccurrences.settled(content);

        assertThat(told.type()).isEqualTo(OccurrenceType.MARKER_FAILED);
        assertThat(told.organizationId()).isEqualTo(content.getOrganizationId());
        assertThat(told.subjectId()).isEqualTo(content.getId());
        assertThat(told.data()).isEqualTo(Jsonp.readObject("{\"ar_content_id\":\"" + content.getId() + "\",\"project_id\":\""
                + content.getProjectId() + "\",\"title\":\"Anna\",\"marker_status\":\"failed\",\"verdict\":\"unusable\",\"score\":12,"
                + "\"reasons\":[\"too few features\",\"low contrast\"],\"failure\":\"not a marker\"}"));
    }

    @Test
    void aReadyMarkerIsToldWithoutAFailure() {
        content.markerReady(UUID.randomUUID(), 640, 480, 80, "good", "{\"verdict\":\"good\",\"score\":80,\"reasons\":[]}");

        Occurrence told = MarkerOccurrences.settled(content);

        assertThat(told.type()).isEqualTo(OccurrenceType.MARKER_READY);
        assertThat(told.data()).isEqualTo(Jsonp.readObject("{\"ar_content_id\":\"" + content.getId() + "\",\"project_id\":\""
                + content.getProjectId() + "\",\"title\":\"Anna\",\"marker_status\":\"ready\",\"verdict\":\"good\",\"score\":80,"
                + "\"reasons\":[]}"));
    }

    @Test
    void anExpiryIsToldWithTheContentAndItsExpiryDate() {
        Instant expiresAt = Instant.parse("2026-12-24T18:00:00Z");
        content.schedule(null, null, expiresAt);

        Occurrence told = MarkerOccurrences.expiring(content);

        assertThat(told.type()).isEqualTo(OccurrenceType.AR_CONTENT_EXPIRING);
        assertThat(MarkerOccurrences.expired(content).type()).isEqualTo(OccurrenceType.AR_CONTENT_EXPIRED);
        assertThat(told.data()).isEqualTo(Jsonp.readObject("{\"ar_content_id\":\"" + content.getId() + "\",\"project_id\":\""
                + content.getProjectId() + "\",\"title\":\"Anna\",\"expires_at\":\"2026-12-24T18:00:00Z\"}"));
    }

    @Test
    void anExpiryIsMarkedPerKindContentAndExpiryDate() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");

        assertThat(MarkerOccurrences.expiryMark(OccurrenceType.AR_CONTENT_EXPIRED, id, Instant.ofEpochSecond(1_800_000_000)))
                .isEqualTo("ar_content.expired:00000000-0000-0000-0000-000000000001:1800000000");
    }

    @Test
    void everyOccurrenceOfAContentIsToldToItsCreator() {
        UUID creator = UUID.randomUUID();
        content.createdBy(creator);
        content.schedule(null, null, Instant.parse("2026-12-24T18:00:00Z"));
        content.markerFailed("not a marker", 12, "unusable", QUALITY);

        assertThat(MarkerOccurrences.settled(content).startedBy()).isEqualTo(creator);
        assertThat(MarkerOccurrences.expiring(content).startedBy()).isEqualTo(creator);
        assertThat(MarkerOccurrences.expired(content).startedBy()).isEqualTo(creator);
    }

    @Test
    void contentCreatedWithAnApiKeyNamesNoStarter() {
        content.markerFailed("not a marker", 12, "unusable", QUALITY);

        assertThat(MarkerOccurrences.settled(content).startedBy()).isNull();
    }
}
