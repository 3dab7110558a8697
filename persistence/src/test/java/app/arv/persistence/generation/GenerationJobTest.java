package app.arv.persistence.generation;

import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The status a job's items add up to, without a database: the rule lives in the entity. */
class GenerationJobTest {

    private static GenerationJob jobOf(int items) {
        return new GenerationJob(UUID.randomUUID(), null, "local", GenerationPriority.NORMAL,
                new GenerationOptions(5000, TextureQuality.STANDARD), items);
    }

    private static Map<GenerationStatus, Long> counts(long queued, long processing, long completed, long failed, long cancelled) {
        Map<GenerationStatus, Long> counts = new EnumMap<>(GenerationStatus.class);
        counts.put(GenerationStatus.QUEUED, queued);
        counts.put(GenerationStatus.PROCESSING, processing);
        counts.put(GenerationStatus.COMPLETED, completed);
        counts.put(GenerationStatus.FAILED, failed);
        counts.put(GenerationStatus.CANCELLED, cancelled);
        return counts;
    }

    @Test
    void aJobStaysQueuedWhileAllItsItemsAreQueued() {
        GenerationJob job = jobOf(3);

        boolean madeFinal = job.settleOn(counts(3, 0, 0, 0, 0));

        assertThat(job.getStatus()).isEqualTo(GenerationStatus.QUEUED);
        assertThat(madeFinal).isFalse();
    }

    @Test
    void aJobIsProcessingOnceAnyItemLeftTheQueue() {
        GenerationJob job = jobOf(3);

        boolean madeFinal = job.settleOn(counts(2, 0, 1, 0, 0));

        assertThat(job.getStatus()).isEqualTo(GenerationStatus.PROCESSING);
        assertThat(madeFinal).isFalse();
        assertThat(job.getFinishedAt()).isNull();
    }

    @Test
    void aJobWithOneModelMadeIsCompletedEvenIfTheOthersFailed() {
        GenerationJob job = jobOf(3);

        boolean madeFinal = job.settleOn(counts(0, 0, 1, 1, 1));

        assertThat(job.getStatus()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(madeFinal).isTrue();
        assertThat(job.getFinishedAt()).isNotNull();
    }

    @Test
    void aJobWhoseItemsWereAllCancelledIsCancelled() {
        GenerationJob job = jobOf(2);

        job.settleOn(counts(0, 0, 0, 0, 2));

        assertThat(job.getStatus()).isEqualTo(GenerationStatus.CANCELLED);
    }

    @Test
    void aJobWithoutAModelAndNotAllCancelledHasFailed() {
        GenerationJob job = jobOf(2);

        job.settleOn(counts(0, 0, 0, 1, 1));

        assertThat(job.getStatus()).isEqualTo(GenerationStatus.FAILED);
    }

    @Test
    void settlingAJobThatIsAlreadyFinalDoesNotMakeItFinalAgain() {
        GenerationJob job = jobOf(1);
        job.settleOn(counts(0, 0, 1, 0, 0));

        boolean madeFinalAgain = job.settleOn(counts(0, 0, 1, 0, 0));

        assertThat(job.getStatus()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(madeFinalAgain).isFalse();
    }

    @Test
    void aReopenedJobIsMadeFinalAgainWhenItsRetriedItemEnds() {
        GenerationJob job = jobOf(2);
        job.settleOn(counts(0, 0, 0, 2, 0));
        job.reopen();

        boolean madeFinal = job.settleOn(counts(0, 0, 1, 1, 0));

        assertThat(job.getStatus()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(madeFinal).isTrue();
    }
}
