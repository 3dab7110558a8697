package app.arv.generation;

import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.shared.Jsonp;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What people and webhooks are told when a generation job ends: the whole data of the occurrence. */
class GenerationOccurrencesTest {

    @Test
    void aFinishedJobIsToldWithItsStatusAndHowManyItemsEndedHow() {
        UUID project = UUID.randomUUID();
        GenerationJob job = new GenerationJob(UUID.randomUUID(), project, "local", GenerationPriority.NORMAL,
                new GenerationOptions(5000, TextureQuality.STANDARD), 4);
        job.settle(GenerationStatus.FAILED);

        Occurrence told = GenerationOccurrences.finished(job, Map.of(GenerationStatus.COMPLETED, 2L, GenerationStatus.FAILED, 1L,
                GenerationStatus.CANCELLED, 1L));

        assertThat(told.type()).isEqualTo(OccurrenceType.GENERATION_FINISHED);
        assertThat(told.organizationId()).isEqualTo(job.getOrganizationId());
        assertThat(told.subjectId()).isEqualTo(job.getId());
        assertThat(told.data()).isEqualTo(Jsonp.readObject("{\"generation_job_id\":\"" + job.getId() + "\",\"status\":\"failed\","
                + "\"total\":4,\"completed\":2,\"failed\":1,\"cancelled\":1,\"project_id\":\"" + project + "\"}"));
    }

    @Test
    void aJobOutsideAProjectIsToldWithANullProjectAndMissingCountsAsNought() {
        GenerationJob job = new GenerationJob(UUID.randomUUID(), null, "local", GenerationPriority.NORMAL,
                new GenerationOptions(5000, TextureQuality.STANDARD), 1);
        job.settle(GenerationStatus.COMPLETED);

        Occurrence told = GenerationOccurrences.finished(job, Map.of(GenerationStatus.COMPLETED, 1L));

        assertThat(told.data()).isEqualTo(Jsonp.readObject("{\"generation_job_id\":\"" + job.getId() + "\",\"status\":\"completed\","
                + "\"total\":1,\"completed\":1,\"failed\":0,\"cancelled\":0,\"project_id\":null}"));
    }

    @Test
    void aFinishedJobIsToldToWhoStartedIt() {
        UUID starter = UUID.randomUUID();
        GenerationJob job = new GenerationJob(UUID.randomUUID(), null, "local", GenerationPriority.NORMAL,
                new GenerationOptions(5000, TextureQuality.STANDARD), 1);
        job.createdBy(starter);
        job.settle(GenerationStatus.COMPLETED);

        assertThat(GenerationOccurrences.finished(job, Map.of(GenerationStatus.COMPLETED, 1L)).startedBy()).isEqualTo(starter);
    }
}
