package app.arv.events;

import app.arv.ManagedConcurrency;
import app.arv.launcher.FreezableProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's pattern subscription when its Redis vanishes without a word, on a real Redis behind a relay that can go
 * silent: the subscription notices within its probe's bound, subscribes again once Redis answers, and hears the other
 * nodes again.
 */
class PatternSubscriptionTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    private static final String PATTERN = "arv:test:*";

    private FreezableProxy relay;
    private ScheduledExecutorService scheduler;
    private PatternSubscription subscription;
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final Semaphore subscribed = new Semaphore(0);
    private final Semaphore lost = new Semaphore(0);
    /** The subscriptions' threads, in the order they were made. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    /** How long this node takes over each message it hears. */
    private volatile Duration handling = Duration.ZERO;

    @BeforeEach
    void aNodeSubscribedThroughARelay() throws InterruptedException {
        URI real = URI.create(redis.url());
        relay = FreezableProxy.startedInFrontOf(real.getHost(), real.getPort());
        scheduler = Executors.newScheduledThreadPool(2);
        subscription = new PatternSubscription(redis.newConnection("redis://127.0.0.1:" + relay.port()), PATTERN,
                (channel, message) -> handled(message), subscribed::release, lost::release)
                .probing(Duration.ofMillis(200), Duration.ofMillis(500));
        subscription.start(ManagedConcurrency.threads(threads::add), "test-subscription", ManagedConcurrency.scheduler(scheduler), Duration.ofHours(1), () -> {
        });
        assertThat(subscribed.tryAcquire(10, TimeUnit.SECONDS)).as("subscribed").isTrue();
    }

    @AfterEach
    void stop() {
        subscription.stop();
        scheduler.shutdownNow();
        relay.close();
    }

    @Test
    void aSubscriptionWhoseRedisFellSilentSubscribesAgainAndHearsTheOtherNodesOnceItAnswers() throws InterruptedException {
        relay.freeze();

        assertThat(lost.tryAcquire(5, TimeUnit.SECONDS)).as("the silent connection given up").isTrue();
        relay.thaw();
        assertThat(subscribed.tryAcquire(10, TimeUnit.SECONDS)).as("subscribed again").isTrue();
        publishedByAnotherNode("after the outage");
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("after the outage");
    }

    @Test
    void aSubscriptionWhoseRedisAnswersIsKept() throws InterruptedException {
        Thread.sleep(2000); // ten probes

        publishedByAnotherNode("still here");

        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("still here");
        assertThat(lost.availablePermits()).as("losses").isZero();
        assertThat(subscribed.availablePermits()).as("subscribed again").isZero();
    }

    @Test
    void aSubscriptionWhoseOwnerTakesLongerOverAMessageThanRedisMayTakeToAnswerIsKept() throws InterruptedException {
        handling = Duration.ofMillis(1500);

        publishedByAnotherNode("slow to handle");

        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("slow to handle");
        Thread.sleep(1000);
        assertThat(lost.availablePermits()).as("losses").isZero();
    }

    @Test
    void aSubscriptionStoppedWhileItsRedisIsSilentEndsItsThread() throws InterruptedException {
        relay.freeze();

        subscription.stop();

        threads.get(0).join(5000);
        assertThat(threads.get(0).isAlive()).as("the subscription's thread, 5 s after stop").isFalse();
    }

    @Test
    void aSubscriptionStoppedBeforeRedisAnsweredItEndsItsThreadRatherThanSubscribingAfterwards() throws InterruptedException {
        relay.freeze();
        Semaphore lateSubscribed = new Semaphore(0);
        PatternSubscription late = new PatternSubscription(redis.newConnection("redis://127.0.0.1:" + relay.port()), PATTERN,
                (channel, message) -> heard.add(message), lateSubscribed::release).probing(Duration.ofHours(1), Duration.ofHours(1));
        late.start(ManagedConcurrency.threads(threads::add), "late-subscription", ManagedConcurrency.scheduler(scheduler), Duration.ofHours(1), () -> {
        });
        Thread.sleep(500); // its subscription sent, its answer held by the relay

        late.stop();
        relay.thaw();

        threads.get(1).join(5000);
        assertThat(threads.get(1).isAlive()).as("the stopped subscription's thread, 5 s after Redis answered").isFalse();
    }

    private void handled(String message) {
        try {
            Thread.sleep(handling.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heard.add(message);
    }

    private static void publishedByAnotherNode(String message) {
        redis.newConnection().client().publish("arv:test:channel", message);
    }
}
