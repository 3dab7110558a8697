package app.arv.marker.batch;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the compile job's writer records a result, on real PostgreSQL and without a server. */
class MarkerQueueTest {

    private static final long JOB = 7L;

    @Test
    void aResultForAPortraitReplacedWhileItCompiledIsDroppedAndTheNewPortraitWaitsToCompile() {
        Organization acme = TestData.organization("Acme");
        Project wedding = new Project(acme.getId(), "Wedding", null);
        MediaResource first = TestData.resource(acme.getId(), "image/jpeg", "anna.jpg");
        MediaResource retouched = TestData.resource(acme.getId(), "image/jpeg", "anna-retouched.jpg");
        ArContent content = new ArContent(acme.getId(), wedding.getId(), "Anna", first.getId());
        Database.persist(wedding, first, retouched, content);
        Database.inTransaction(em -> new ServiceBeans(em).get(ArContentRepository.class).claimPending(acme.getId(), JOB, JOB));

        Database.inTransaction(chunk -> {
            // The chunk reads the item when it begins (the reader, for the portrait's bytes) ...
            chunk.find(ArContent.class, content.getId());
            // ... a person replaces the portrait while the marker compiles ...
            Database.inTransaction(person -> person.find(ArContent.class, content.getId()).replaceSource(retouched.getId()));
            // ... and the writer records what the old portrait gave.
            new ServiceBeans(chunk).get(MarkerQueue.class).record(acme.getId(), JOB,
                    CompileOutcome.failed(content.getId(), "Too few features", 3, "unusable", "{}"));
        });

        Database.inTransaction(em -> {
            ArContent stored = em.find(ArContent.class, content.getId());
            assertThat(stored.getSourceMediaId()).isEqualTo(retouched.getId());
            assertThat(stored.getMarkerStatus()).isEqualTo(MarkerStatus.PENDING);
            assertThat(stored.getMarkerFailure()).isNull();
        });
    }
}
