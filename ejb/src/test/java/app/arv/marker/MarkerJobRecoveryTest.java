package app.arv.marker;

import app.arv.ServiceBeans;
import app.arv.events.AfterCommit;
import app.arv.events.RedisConnection;
import app.arv.events.TestRedis;
import app.arv.notification.Occurrence;
import app.arv.notification.RecordedOccurrences;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;
import app.arv.platform.ServerNode;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static app.arv.marker.BatchRuntimeAnswers.execution;
import static app.arv.marker.BatchRuntimeAnswers.nextId;
import static app.arv.marker.BatchRuntimeAnswers.runtime;
import static org.assertj.core.api.Assertions.assertThat;

/** The recovery timer's round over one compile job, on real PostgreSQL and Redis, with the batch runtime's answers given. */
class MarkerJobRecoveryTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    private final List<Long> restarted = new ArrayList<>();
    private final RecordedOccurrences occurrences = new RecordedOccurrences();

    @Test
    void aJobThatFailedItsLastAllowedExecutionFailsItsUnfinishedPortraitsWithAReason() {
        long instance = nextId();
        ArContent portrait = aPortraitCompilingIn(instance);

        round(instance, MarkerJobRecovery.MAX_EXECUTIONS, BatchStatus.FAILED);

        ArContent after = reread(portrait);
        assertThat(after.getMarkerStatus()).isEqualTo(MarkerStatus.FAILED);
        assertThat(after.getMarkerFailure()).isEqualTo(AbandonedCompilations.GAVE_UP);
        assertThat(restarted).isEmpty();
        // Its owner is told, as of any marker that failed.
        assertThat(occurrences.fired()).extracting(Occurrence::subjectId).containsExactly(portrait.getId());
    }

    @Test
    void aJobThatFailedWithExecutionsLeftIsRestartedAndItsPortraitsKeepCompiling() {
        long instance = nextId();
        ArContent portrait = aPortraitCompilingIn(instance);

        round(instance, MarkerJobRecovery.MAX_EXECUTIONS - 1, BatchStatus.FAILED);

        assertThat(reread(portrait).getMarkerStatus()).isEqualTo(MarkerStatus.COMPILING);
        assertThat(restarted).hasSize(1);
    }

    /** One recovery round over an instance whose executions all ended {@code status}. */
    private void round(long instance, int executions, BatchStatus status) {
        List<JobExecution> history = IntStream.range(0, executions).mapToObj(i -> execution(status, Instant.now().minusSeconds(600))).toList();
        JobOperator runtime = runtime(history, (execution, parameters) -> {
            restarted.add(execution);
            return nextId();
        });
        Database.inTransaction(em -> {
            ServiceBeans beans = new ServiceBeans(em).with(RedisConnection.class, redis.newConnection())
                    .with(MarkerRules.class, BatchRuntimeAnswers.RULES).with(ServerNode.class, ServerNode.named("node-a"))
                    .with(Event.class, occurrences)
                    // Live events go out once the container has committed; there is no container here.
                    .with(AfterCommit.class, new AfterCommit() {
                        @Override
                        public void run(Runnable work) {
                            work.run();
                        }
                    });
            MarkerJobRecovery recovery = beans.get(MarkerJobRecovery.class);
            recovery.restarts.operator = () -> runtime;
            recovery.recover(runtime, BatchRuntimeAnswers.instance(instance));
        });
    }

    private ArContent aPortraitCompilingIn(long instance) {
        Organization acme = TestData.organization("Acme");
        Project project = new Project(acme.getId(), "Portraits", null);
        MediaResource image = TestData.resource(acme.getId(), "image/jpeg", "anna.jpg");
        ArContent portrait = new ArContent(acme.getId(), project.getId(), "Anna", image.getId());
        Database.persist(project, image, portrait);
        Database.inTransaction(em -> new ServiceBeans(em).get(ArContentRepository.class).claimPending(acme.getId(), instance));
        return portrait;
    }

    private static ArContent reread(ArContent content) {
        List<ArContent> found = new ArrayList<>();
        Database.inTransaction(em -> found.add(em.find(ArContent.class, content.getId())));
        return found.get(0);
    }
}
