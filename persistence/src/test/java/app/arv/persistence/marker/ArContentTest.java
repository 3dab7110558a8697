package app.arv.persistence.marker;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer's and the schedule's rules, on the entity alone: no database. */
class ArContentTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static ArContent compiled() {
        ArContent content = new ArContent(UUID.randomUUID(), UUID.randomUUID(), "Anna", UUID.randomUUID());
        content.markerReady(UUID.randomUUID(), 640, 480, 80, "good", "{}");
        return content;
    }

    @Test
    void publishedContentWithAMarkerAndNoScheduleIsShowing() {
        assertThat(compiled().visibilityAt(NOW)).isEqualTo(Visibility.SHOWING);
    }

    @Test
    void contentWithoutACompiledMarkerIsHidden() {
        ArContent content = new ArContent(UUID.randomUUID(), UUID.randomUUID(), "Anna", UUID.randomUUID());

        assertThat(content.visibilityAt(NOW)).isEqualTo(Visibility.HIDDEN);
    }

    @Test
    void unpublishedContentIsHiddenEvenWhenItHasEnded() {
        ArContent content = compiled();
        content.schedule(null, null, NOW.minusSeconds(1));
        content.publish(false);

        assertThat(content.visibilityAt(NOW)).isEqualTo(Visibility.HIDDEN);
    }

    @Test
    void contentWhoseActivePeriodHasNotStartedIsHidden() {
        ArContent content = compiled();
        content.schedule(NOW.plus(1, ChronoUnit.DAYS), null, null);

        assertThat(content.visibilityAt(NOW)).isEqualTo(Visibility.HIDDEN);
    }

    @Test
    void contentIsGoneFromTheMomentItExpires() {
        ArContent content = compiled();
        content.schedule(null, null, NOW);

        assertThat(content.visibilityAt(NOW)).isEqualTo(Visibility.GONE);
        assertThat(content.visibilityAt(NOW.minusMillis(1))).isEqualTo(Visibility.SHOWING);
    }

    @Test
    void contentIsGoneFromTheEndOfItsActivePeriod() {
        ArContent content = compiled();
        content.schedule(NOW.minus(2, ChronoUnit.DAYS), NOW, null);

        assertThat(content.visibilityAt(NOW)).isEqualTo(Visibility.GONE);
    }

    @Test
    void endedContentIsGoneEvenWithoutAMarker() {
        ArContent content = new ArContent(UUID.randomUUID(), UUID.randomUUID(), "Anna", UUID.randomUUID());
        content.schedule(null, NOW.minusSeconds(1), null);

        assertThat(content.visibilityAt(NOW)).isEqualTo(Visibility.GONE);
    }

    @Test
    void contentShowsFromTheStartOfItsActivePeriod() {
        ArContent content = compiled();
        content.schedule(NOW, NOW.plus(1, ChronoUnit.DAYS), null);

        assertThat(content.visibilityAt(NOW)).isEqualTo(Visibility.SHOWING);
    }

    @Test
    void anActivePeriodEndingWhenItStartsIsNotSane() {
        ArContent content = compiled();
        content.schedule(NOW, NOW, null);

        assertThat(content.hasSaneSchedule()).isFalse();
    }

    @Test
    void anActivePeriodOpenAtEitherEndIsSane() {
        ArContent content = compiled();
        content.schedule(NOW, null, null);
        assertThat(content.hasSaneSchedule()).isTrue();
        content.schedule(null, NOW, null);
        assertThat(content.hasSaneSchedule()).isTrue();
    }

    @Test
    void aNewContentIsNotCompilingForAnyJob() {
        ArContent content = new ArContent(UUID.randomUUID(), UUID.randomUUID(), "Anna", UUID.randomUUID());

        assertThat(content.isCompilingFor(7L)).isFalse();
    }

    @Test
    void theCompileJobsResultsLeaveTheDetailsAsTheyWereRead() {
        ArContent content = new ArContent(UUID.randomUUID(), UUID.randomUUID(), "Anna", UUID.randomUUID());

        content.markerFailed("unusable", 10, "unusable", "{}");
        content.markerReady(UUID.randomUUID(), 640, 480, 80, "good", "{}");
        content.compilationAbandoned("abandoned");

        assertThat(content.sameDetails("0-1764676800.000000")).isTrue();
    }

    @Test
    void aNewTitleChangesTheDetailsAndTheSameTitleAgainDoesNot() {
        ArContent content = new ArContent(UUID.randomUUID(), UUID.randomUUID(), "Anna", UUID.randomUUID());

        content.retitle("Anna");
        assertThat(content.sameDetails("0-1764676800.000000")).isTrue();
        content.retitle("Anna & Ben");
        assertThat(content.sameDetails("0-1764676800.000000")).isFalse();
    }
}
