package app.arv.persistence.generation;

import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.Repositories;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationRepositoryTest extends TwoTenantsTest {

    private final GenerationRepository generations = new GenerationRepository();
    private MediaResource acmeImage;

    @BeforeEach
    void anImageOfAcme() {
        acmeImage = TestData.resource(acme.getId(), "image/png", "horse.png");
        Database.persist(acmeImage);
    }

    private GenerationJob jobWithItems(int count) {
        GenerationJob job = new GenerationJob(acme.getId(), null, "local", GenerationPriority.NORMAL,
                new GenerationOptions(5000, TextureQuality.STANDARD), count);
        Database.inTransaction(em -> {
            em.persist(job);
            for (int i = 0; i < count; i++) {
                em.persist(new GenerationItem(acme.getId(), job.getId(), i, acmeImage.getId()));
            }
        });
        return job;
    }

    @Test
    void aJobKeepsItsOptionsAsTheApiNamesThem() {
        GenerationJob job = jobWithItems(1);

        Database.inTransaction(em -> {
            assertThat(em.createNativeQuery("SELECT texture FROM generation_job WHERE id = :id").setParameter("id", job.getId())
                    .getSingleResult()).isEqualTo("standard");
            Repositories.on(em, generations);
            assertThat(generations.findJob(acme.getId(), job.getId()).orElseThrow().options())
                    .isEqualTo(new GenerationOptions(5000, TextureQuality.STANDARD));
        });
    }

    @Test
    void theDatabaseRefusesATextureTheApiDoesNotKnow() {
        GenerationJob job = jobWithItems(1);

        assertThatThrownBy(() -> Database.inTransaction(em -> em.createNativeQuery(
                "UPDATE generation_job SET texture = 'ultra' WHERE id = :id").setParameter("id", job.getId()).executeUpdate()))
                .isInstanceOf(PersistenceException.class);
    }

    @Test
    void theDatabaseRefusesAFaceLimitOutsideTheRange() {
        GenerationJob job = jobWithItems(1);

        assertThatThrownBy(() -> Database.inTransaction(em -> em.createNativeQuery(
                "UPDATE generation_job SET face_limit = :limit WHERE id = :id").setParameter("id", job.getId())
                .setParameter("limit", GenerationOptions.MAX_FACE_LIMIT + 1).executeUpdate()))
                .isInstanceOf(PersistenceException.class);
    }

    @Test
    void aNewJobAndItsItemsAreQueuedInTheirOrder() {
        GenerationJob job = jobWithItems(3);

        Database.inTransaction(em -> {
            Repositories.on(em, generations);
            assertThat(generations.findJob(acme.getId(), job.getId()).orElseThrow().getStatus()).isEqualTo(GenerationStatus.QUEUED);
            assertThat(generations.items(acme.getId(), job.getId()))
                    .extracting(GenerationItem::getPosition, GenerationItem::getStatus)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0, GenerationStatus.QUEUED),
                            org.assertj.core.groups.Tuple.tuple(1, GenerationStatus.QUEUED),
                            org.assertj.core.groups.Tuple.tuple(2, GenerationStatus.QUEUED));
        });
    }

    @Test
    void anotherOrganizationSeesNeitherTheJobNorItsItems() {
        GenerationJob job = jobWithItems(1);

        Database.inTransaction(em -> {
            Repositories.on(em, generations);
            UUID item = generations.items(acme.getId(), job.getId()).get(0).getId();
            assertThat(generations.findJob(globex.getId(), job.getId())).isEmpty();
            assertThat(generations.items(globex.getId(), job.getId())).isEmpty();
            assertThat(generations.findItem(globex.getId(), item)).isEmpty();
            assertThat(generations.listJobs(globex.getId(), null, PageRequest.first()).total()).isZero();
        });
    }

    @Test
    void countsAddUpPerStatusAfterItemsFinish() {
        GenerationJob job = jobWithItems(3);
        Database.inTransaction(em -> {
            Repositories.on(em, generations);
            var items = generations.items(acme.getId(), job.getId());
            items.get(0).start("node-a", UUID.randomUUID());
            items.get(0).complete(acmeImage.getId(), null);
            items.get(1).start("node-a", UUID.randomUUID());
            items.get(1).fail("no object found");
        });

        Database.inTransaction(em -> {
            Repositories.on(em, generations);
            var counts = generations.countByStatus(acme.getId(), job.getId());
            assertThat(counts.get(GenerationStatus.COMPLETED)).isEqualTo(1);
            assertThat(counts.get(GenerationStatus.FAILED)).isEqualTo(1);
            assertThat(counts.get(GenerationStatus.QUEUED)).isEqualTo(1);
            assertThat(counts.get(GenerationStatus.PROCESSING)).isZero();
        });
    }

    @Test
    void listingFiltersByStatus() {
        GenerationJob done = jobWithItems(1);
        jobWithItems(1);
        Database.inTransaction(em -> {
            Repositories.on(em, generations);
            generations.findJob(acme.getId(), done.getId()).orElseThrow().settle(GenerationStatus.COMPLETED);
        });

        Database.inTransaction(em -> {
            Repositories.on(em, generations);
            var completed = generations.listJobs(acme.getId(), GenerationStatus.COMPLETED, PageRequest.first());
            assertThat(completed.items()).extracting(GenerationJob::getId).containsExactly(done.getId());
            assertThat(generations.listJobs(acme.getId(), null, PageRequest.first()).total()).isEqualTo(2);
        });
    }

    @Test
    void onlyItemsLeftProcessingBeforeTheCutOffAreFoundStuck() {
        GenerationJob job = jobWithItems(2);
        Database.inTransaction(em -> {
            Repositories.on(em, generations);
            generations.items(acme.getId(), job.getId()).get(0).start("node-a", UUID.randomUUID());
        });

        Database.inTransaction(em -> {
            Repositories.on(em, generations);
            assertThat(generations.processingSince(Instant.now().plusSeconds(1), 100))
                    .extracting(GenerationItem::getJobId).contains(job.getId());
            assertThat(generations.processingSince(Instant.now().minusSeconds(60), 100))
                    .extracting(GenerationItem::getJobId).doesNotContain(job.getId());
        });
    }

    @Test
    void aProgressReportFromAStaleReadCannotUndoACancel() {
        GenerationJob job = jobWithItems(1);
        UUID itemId = itemsOf(job).get(0).getId();
        Database.inTransaction(em -> em.find(GenerationItem.class, itemId).start("node-a", UUID.randomUUID()));
        EntityManager worker = Database.entityManagerFactory().createEntityManager();
        try {
            worker.getTransaction().begin();
            GenerationItem seenByWorker = worker.find(GenerationItem.class, itemId);

            Database.inTransaction(em -> em.find(GenerationItem.class, itemId).cancel());
            seenByWorker.advance(60, "generating");

            assertThatThrownBy(() -> worker.getTransaction().commit()).isInstanceOf(jakarta.persistence.RollbackException.class)
                    .hasCauseInstanceOf(jakarta.persistence.OptimisticLockException.class);
        } finally {
            if (worker.getTransaction().isActive()) {
                worker.getTransaction().rollback();
            }
            worker.close();
        }
        Database.inTransaction(em -> assertThat(em.find(GenerationItem.class, itemId).getStatus()).isEqualTo(GenerationStatus.CANCELLED));
    }

    private List<GenerationItem> itemsOf(GenerationJob job) {
        List<GenerationItem> items = new java.util.ArrayList<>();
        Database.inTransaction(em -> {
            Repositories.on(em, generations);
            items.addAll(generations.items(acme.getId(), job.getId()));
        });
        return items;
    }
}
