package app.arv.generation;

import app.arv.events.Eavesdropper;
import app.arv.events.Eavesdropper.Heard;
import app.arv.events.OrganizationEventHub;
import app.arv.events.TestRedis;
import app.arv.persistence.Database;
import app.arv.persistence.generation.GenerationItem;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.shared.Jsonp;
import jakarta.json.JsonObject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of a job's events when the transactions that made them send them in another order than they committed
 * (each sends after its commit, on whatever thread and node committed it): a listener that stops at {@code completed}
 * has heard every item's end. On a real PostgreSQL and Redis, a transaction's sending held back as a paused thread
 * would hold it.
 */
class GenerationEventsTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    private static final UUID MESSAGE = UUID.randomUUID();

    private GenerationFixture fixture;

    @BeforeEach
    void anOrganization() {
        fixture = new GenerationFixture(redis);
    }

    /** Each event as "type item" ("completed" alone for the job's), in stream order. */
    private List<String> told(List<StoredEvent> events) {
        return events.stream().map(e -> e.type() + (Jsonp.readObject(e.data()).containsKey("item")
                ? " " + Jsonp.readObject(e.data()).getString("item")
                : "")).toList();
    }

    @Test
    void anItemsEventIsSentWithoutReadingItsItemBackFromTheDatabase() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        Statistics statistics = Database.entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);

        long statements = fixture.call(GenerationEvents.class, events -> {
            GenerationItem taken = events.generations.findItem(fixture.org(), item.getId()).orElseThrow();
            taken.advance(40, "generating");
            long before = statistics.getPrepareStatementCount();
            events.publish(fixture.org(), item.getJobId(), JobEvent.progress(taken));
            return statistics.getPrepareStatementCount() - before;
        });

        assertThat(statements).as("the item's own update, nothing read").isEqualTo(1);
        assertThat(fixture.eventTypes(item)).containsExactly("progress");
    }

    @Test
    void anItemsEndSentAfterTheJobsCompletedWasSentIsToldBeforeIt() {
        List<GenerationItem> items = fixture.queuedJob(fixture.image(), fixture.image());
        Runnable firstItemsEvents = fixture.runHoldingAfterCommit(GenerationSteps.class,
                steps -> steps.fail(fixture.org(), items.get(0).getId(), "first broke"));
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), items.get(1).getId(), "second broke"));

        firstItemsEvents.run();

        assertThat(told(fixture.events(items.get(0)))).containsExactly("item_failed " + items.get(1).getId(),
                "item_failed " + items.get(0).getId(), "completed");
    }

    @Test
    void anItemsEndSentLateByAnotherNodeIsToldBeforeTheJobsCompleted() {
        List<GenerationItem> items = fixture.queuedJob(fixture.image(), fixture.image());
        Runnable firstItemsEvents = fixture.runHoldingAfterCommit(GenerationSteps.class,
                steps -> steps.fail(fixture.org(), items.get(0).getId(), "first broke"));
        fixture.onAnotherNode().run(GenerationSteps.class, steps -> steps.fail(fixture.org(), items.get(1).getId(), "second broke"));

        firstItemsEvents.run();

        assertThat(told(fixture.events(items.get(0)))).containsExactly("item_failed " + items.get(1).getId(),
                "item_failed " + items.get(0).getId(), "completed");
    }

    @Test
    void theItemsEndToldBeforeCompletedIsTheOneItsOwnTransactionSends() {
        List<GenerationItem> items = fixture.queuedJob(fixture.image(), fixture.image());
        Runnable firstItemsEvents = fixture.runHoldingAfterCommit(GenerationSteps.class,
                steps -> steps.fail(fixture.org(), items.get(0).getId(), "first broke"));
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), items.get(1).getId(), "second broke"));

        firstItemsEvents.run();

        assertThat(fixture.events(items.get(0)).get(1).data())
                .isEqualTo("{\"item\":\"" + items.get(0).getId() + "\",\"position\":0,\"error\":\"first broke\"}");
    }

    @Test
    void aProgressReportSentAfterItsItemEndedIsDropped() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        Runnable progressEvent = fixture.runHoldingAfterCommit(GenerationSteps.class,
                steps -> steps.progress(fixture.org(), item.getId(), 60, "texturing"));
        fixture.run(GenerationSteps.class, steps -> steps.fail(fixture.org(), item.getId(), "broken"));

        progressEvent.run();

        assertThat(told(fixture.events(item))).containsExactly("progress " + item.getId(), "item_failed " + item.getId(), "completed");
    }

    @Test
    void aProgressReportSentAfterItsJobWasCancelledIsDropped() {
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), MESSAGE));
        Runnable progressEvent = fixture.runHoldingAfterCommit(GenerationSteps.class,
                steps -> steps.progress(fixture.org(), item.getId(), 60, "texturing"));
        Caller member = Callers.memberOf(fixture.org());
        fixture.call(GenerationService.class, service -> service.cancel(member, item.getJobId()));

        progressEvent.run();

        assertThat(told(fixture.events(item))).containsExactly("progress " + item.getId(), "completed");
    }

    @Test
    void theOrganizationsChannelTellsEveryItemsEndBeforeTheJobsCompleted() throws InterruptedException {
        List<GenerationItem> items = fixture.queuedJob(fixture.image(), fixture.image());
        try (Eavesdropper webSocketNode = Eavesdropper.onChannels(redis.url(),
                OrganizationEventHub.channel(fixture.org(), GenerationEvents.ORGANIZATION_SOURCE))) {
            Runnable firstItemsEvents = fixture.runHoldingAfterCommit(GenerationSteps.class,
                    steps -> steps.fail(fixture.org(), items.get(0).getId(), "first broke"));
            fixture.onAnotherNode().run(GenerationSteps.class, steps -> steps.fail(fixture.org(), items.get(1).getId(), "second broke"));

            webSocketNode.awaitHeard(Duration.ofSeconds(10), heard -> event(heard).getString("event").equals("completed"));
            webSocketNode.unsubscribe();
            firstItemsEvents.run();

            List<JsonObject> heard = webSocketNode.heard().stream().map(GenerationEventsTest::event).toList();
            assertThat(heard).extracting(e -> e.getString("event")).containsExactly("item_failed", "item_failed", "completed");
            assertThat(heard).extracting(e -> e.getJsonObject("data").getString("item", "")).containsExactlyInAnyOrder(
                    items.get(0).getId().toString(), items.get(1).getId().toString(), "");
        }
    }

    private static JsonObject event(Heard heard) {
        return Jsonp.readObject(heard.message());
    }
}
