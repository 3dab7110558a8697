package app.arv.generation;

import app.arv.events.OrganizationEventHub;
import app.arv.events.TestRedis;
import app.arv.persistence.Database;
import app.arv.persistence.generation.GenerationItem;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.shared.Jsonp;
import jakarta.json.JsonObject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPubSub;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
        Caller member = new Caller(UUID.randomUUID(), null, fixture.org(), "member@acme.example", Set.of(CallerRole.MEMBER));
        fixture.call(GenerationService.class, service -> service.cancel(member, item.getJobId()));

        progressEvent.run();

        assertThat(told(fixture.events(item))).containsExactly("progress " + item.getId(), "completed");
    }

    @Test
    void theOrganizationsChannelTellsEveryItemsEndBeforeTheJobsCompleted() throws InterruptedException {
        List<GenerationItem> items = fixture.queuedJob(fixture.image(), fixture.image());
        List<JsonObject> heard = new CopyOnWriteArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        CountDownLatch completed = new CountDownLatch(1);
        JedisPubSub webSocketNode = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                JsonObject event = Jsonp.readObject(message);
                heard.add(event);
                if (event.getString("event").equals("completed")) {
                    completed.countDown();
                    unsubscribe();
                }
            }
        };
        Thread listening = new Thread(() -> redis.newConnection().client()
                .subscribe(webSocketNode, OrganizationEventHub.channel(fixture.org(), GenerationEvents.ORGANIZATION_SOURCE)));
        listening.start();
        assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
        Runnable firstItemsEvents = fixture.runHoldingAfterCommit(GenerationSteps.class,
                steps -> steps.fail(fixture.org(), items.get(0).getId(), "first broke"));
        fixture.onAnotherNode().run(GenerationSteps.class, steps -> steps.fail(fixture.org(), items.get(1).getId(), "second broke"));

        assertThat(completed.await(10, TimeUnit.SECONDS)).isTrue();
        firstItemsEvents.run();

        assertThat(heard).extracting(e -> e.getString("event")).containsExactly("item_failed", "item_failed", "completed");
        assertThat(heard).extracting(e -> e.getJsonObject("data").getString("item", "")).containsExactlyInAnyOrder(
                items.get(0).getId().toString(), items.get(1).getId().toString(), "");
        listening.join(10_000);
    }
}
