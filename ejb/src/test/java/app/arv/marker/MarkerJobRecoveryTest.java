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
import jakarta.jms.ConnectionFactory;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    void aJobTheStoreBeingAwayFailedPastItsLastAllowedExecutionIsRestartedWithinThePatience() {
        long instance = nextId();
        ArContent portrait = aPortraitCompilingIn(instance);
        List<JobExecution> history = failedExecutions(MarkerJobRecovery.MAX_EXECUTIONS);
        storeAway(instance, Instant.now());

        round(instance, history);

        assertThat(reread(portrait).getMarkerStatus()).isEqualTo(MarkerStatus.COMPILING);
        assertThat(restarted).hasSize(1);
    }

    @Test
    void executionsTheStoreBeingAwayFailedSpendNoneOfTheJobsExecutions() {
        long instance = nextId();
        ArContent portrait = aPortraitCompilingIn(instance);
        List<JobExecution> history = new ArrayList<>();
        for (int i = 0; i < MarkerJobRecovery.MAX_EXECUTIONS; i++) {
            history.add(execution(BatchStatus.FAILED, Instant.now().minusSeconds(600)));
            storeAway(instance, Instant.now());
            round(instance, history);
        }
        outages().answered(instance);
        // The store is back, and the next execution fails on its own (the database away while it wrote).
        history.add(execution(BatchStatus.FAILED, Instant.now().plusSeconds(1)));

        round(instance, history);

        assertThat(reread(portrait).getMarkerStatus()).isEqualTo(MarkerStatus.COMPILING);
        assertThat(restarted).hasSize(MarkerJobRecovery.MAX_EXECUTIONS + 1);
    }

    @Test
    void aJobWhoseStoreStaysAwayLongerThanThePatienceFailsItsPortraitsWithAReasonNamingTheOutage() {
        long instance = nextId();
        ArContent portrait = aPortraitCompilingIn(instance);
        Instant since = Instant.now().minus(BatchRuntimeAnswers.RULES.outagePatience()).minusSeconds(1);
        List<JobExecution> history = List.of(execution(BatchStatus.FAILED, since.minusSeconds(1)));
        storeAway(instance, since);
        storeAway(instance, Instant.now());

        round(instance, history);

        ArContent after = reread(portrait);
        assertThat(after.getMarkerStatus()).isEqualTo(MarkerStatus.FAILED);
        assertThat(after.getMarkerFailure()).startsWith("The storage was unavailable for longer than PT10M (since " + since + ")")
                .endsWith("Last error: the store is away");
        assertThat(restarted).isEmpty();
        assertThat(occurrences.fired()).extracting(Occurrence::subjectId).containsExactly(portrait.getId());
    }

    @Test
    void aDeadNodesJobWithPortraitsCompilingIsRestartedHoweverManyNewerJobsRanSince() {
        long instance = nextId();
        JobExecution dead = execution(BatchStatus.STARTED, Instant.now().minusSeconds(600));
        ArContent portrait = aPortraitCompilingIn(instance, dead.getExecutionId());
        ranOnANodeThatDied(instance);

        timerRound(Map.of(instance, List.of(dead)), 60, new RecordingCompileBroker());

        assertThat(restarted).containsExactly(dead.getExecutionId());
        assertThat(reread(portrait).getMarkerStatus()).isEqualTo(MarkerStatus.COMPILING);
    }

    @Test
    void aFailedJobIsRestartedThoughTheBrokerIsAwayWhenLostRequestsAreSentAgain() {
        long instance = nextId();
        JobExecution failed = execution(BatchStatus.FAILED, Instant.now().minusSeconds(600));
        aPortraitCompilingIn(instance, failed.getExecutionId());
        aPortraitPendingForAnHour();

        timerRound(Map.of(instance, List.of(failed)), 0, new RecordingCompileBroker().down());

        assertThat(restarted).containsExactly(failed.getExecutionId());
    }

    @Test
    void aJobTheRuntimeCannotFindDoesNotKeepTheNextFromItsRestart() {
        long lost = nextId();
        long instance = nextId();
        JobExecution failed = execution(BatchStatus.FAILED, Instant.now().minusSeconds(600));
        aPortraitCompilingIn(lost, nextId());
        aPortraitCompilingIn(instance, failed.getExecutionId());

        timerRound(Map.of(instance, List.of(failed)), 0, new RecordingCompileBroker());

        assertThat(restarted).containsExactly(failed.getExecutionId());
    }

    @Test
    void aLostRequestIsSentAgainOnceThoughTwoRoundsFindItLongPending() {
        ArContent pending = aPortraitPendingForAnHour();
        RecordingCompileBroker broker = new RecordingCompileBroker();

        timerRound(Map.of(), 0, broker);
        timerRound(Map.of(), 0, broker);

        assertThat(broker.sent()).containsOnlyOnce(pending.getOrganizationId().toString());
    }

    /**
     * A whole round of the recovery timer, as its node runs it (in touch with Redis for long): over the compile jobs with
     * portraits compiling, the runtime holding {@code histories} and {@code newer} jobs that ran since.
     */
    private void timerRound(Map<Long, List<JobExecution>> histories, int newer, RecordingCompileBroker broker) {
        JobOperator runtime = runtime(histories, newer, (execution, parameters) -> {
            restarted.add(execution);
            return nextId();
        });
        Database.inTransaction(em -> {
            MarkerJobRecovery recovery = beans(em).with(ConnectionFactory.class, broker.connections()).get(MarkerJobRecovery.class);
            recovery.operator = () -> runtime;
            recovery.restarts.operator = () -> runtime;
            MarkerNodeTest.inTouchWithRedisForAMinute(recovery.node);
            recovery.recover();
        });
    }

    /** The job ran on another node, which then died: its proof of life expired. */
    private void ranOnANodeThatDied(long instance) {
        MarkerNode other = new MarkerNode();
        other.redis = redis.newConnection();
        other.server = ServerNode.named("node-b");
        other.rules = BatchRuntimeAnswers.RULES;
        other.runs(instance);
        other.redis.client().del("arv:node:" + other.id() + ":alive");
    }

    private ArContent aPortraitPendingForAnHour() {
        Organization acme = TestData.organization("Acme");
        Project project = new Project(acme.getId(), "Portraits", null);
        MediaResource image = TestData.resource(acme.getId(), "image/jpeg", "anna.jpg");
        ArContent portrait = new ArContent(acme.getId(), project.getId(), "Anna", image.getId());
        Database.persist(project, image, portrait);
        Database.inTransaction(em -> em.createNativeQuery("UPDATE ar_content SET marker_requested_at = ?1 WHERE id = ?2")
                .setParameter(1, Instant.now().minusSeconds(3600)).setParameter(2, portrait.getId()).executeUpdate());
        return portrait;
    }

    /** One recovery round over an instance whose executions all ended {@code status}. */
    private void round(long instance, int executions, BatchStatus status) {
        round(instance, IntStream.range(0, executions).mapToObj(i -> execution(status, Instant.now().minusSeconds(600))).toList());
    }

    /** {@code count} executions that failed ten minutes ago. */
    private static List<JobExecution> failedExecutions(int count) {
        return IntStream.range(0, count).mapToObj(i -> execution(BatchStatus.FAILED, Instant.now().minusSeconds(600))).toList();
    }

    /** The job met its organization's store away at {@code at}, as its chunk tells it. */
    private void storeAway(long instance, Instant at) {
        MarkerOutages outages = outages();
        outages.clock = InstantSource.fixed(at);
        outages.met(instance, "the store is away");
    }

    private MarkerOutages outages() {
        MarkerOutages outages = new MarkerOutages();
        outages.redis = redis.newConnection();
        return outages;
    }

    /** One recovery round over an instance whose executions are {@code history}, oldest first. */
    private void round(long instance, List<JobExecution> history) {
        JobOperator runtime = runtime(history, (execution, parameters) -> {
            restarted.add(execution);
            return nextId();
        });
        Database.inTransaction(em -> {
            MarkerJobRecovery recovery = beans(em).get(MarkerJobRecovery.class);
            recovery.restarts.operator = () -> runtime;
            recovery.recover(runtime, BatchRuntimeAnswers.instance(instance));
        });
    }

    private ServiceBeans beans(EntityManager em) {
        return new ServiceBeans(em).with(RedisConnection.class, redis.newConnection())
                .with(MarkerRules.class, BatchRuntimeAnswers.RULES).with(ServerNode.class, ServerNode.named("node-a"))
                .with(Event.class, occurrences)
                // Live events go out once the container has committed; there is no container here.
                .with(AfterCommit.class, new AfterCommit() {
                    @Override
                    public void run(Runnable work) {
                        work.run();
                    }
                });
    }

    private ArContent aPortraitCompilingIn(long instance) {
        return aPortraitCompilingIn(instance, instance);
    }

    /** A portrait the job instance claimed in its execution {@code execution}. */
    private ArContent aPortraitCompilingIn(long instance, long execution) {
        Organization acme = TestData.organization("Acme");
        Project project = new Project(acme.getId(), "Portraits", null);
        MediaResource image = TestData.resource(acme.getId(), "image/jpeg", "anna.jpg");
        ArContent portrait = new ArContent(acme.getId(), project.getId(), "Anna", image.getId());
        Database.persist(project, image, portrait);
        Database.inTransaction(em -> new ServiceBeans(em).get(ArContentRepository.class).claimPending(acme.getId(), instance, execution));
        return portrait;
    }

    private static ArContent reread(ArContent content) {
        List<ArContent> found = new ArrayList<>();
        Database.inTransaction(em -> found.add(em.find(ArContent.class, content.getId())));
        return found.get(0);
    }
}
