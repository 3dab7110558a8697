package app.arv.events;

import app.arv.ServiceBeans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPubSub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Live events on a real Redis: told once the change is committed, on every channel, and lost quietly when Redis is away. */
class LiveEventsTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    /** The work the current transaction will run once it has committed. */
    private final List<Runnable> onCommit = new ArrayList<>();

    @Test
    void anEventIsPublishedOnEachChannelOnlyOnceTheChangeIsCommitted() throws InterruptedException {
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(2);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                heard.add(channel + " " + message);
            }
        };
        RedisConnection listening = redis.newConnection();
        new Thread(() -> listening.client().subscribe(listener, "arv:test:org", "arv:test:item")).start();
        assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
        RedisConnection connection = redis.newConnection();
        LiveEvents live = liveEvents(connection);

        live.publish("Test event", "{\"status\":\"ready\"}", "arv:test:org", "arv:test:item");
        // Anything published by now reaches the listener before this probe does.
        connection.client().publish("arv:test:org", "probe");
        awaitHeard(heard, 1);
        List<String> beforeTheCommit = List.copyOf(heard);
        onCommit.forEach(Runnable::run);
        awaitHeard(heard, 3);
        listener.unsubscribe();

        assertThat(beforeTheCommit).containsExactly("arv:test:org probe");
        assertThat(heard).containsExactly("arv:test:org probe", "arv:test:org {\"status\":\"ready\"}",
                "arv:test:item {\"status\":\"ready\"}");
    }

    @Test
    void aRedisOutageCostsTheEventNotTheCommittedChange() {
        LiveEvents live = liveEvents(redis.newConnection(TestRedis.nowhere()));

        live.publish("Test event", "{}", "arv:test:org");
        live.afterCommit("Test script", client -> client.eval("return 1"));

        assertThat(onCommit).hasSize(2);
        assertThatCode(() -> onCommit.forEach(Runnable::run)).doesNotThrowAnyException();
    }

    private LiveEvents liveEvents(RedisConnection connection) {
        return new ServiceBeans(null).with(RedisConnection.class, connection).with(AfterCommit.class, new AfterCommit() {
            @Override
            public void run(Runnable work) {
                onCommit.add(work);
            }
        }).get(LiveEvents.class);
    }

    private static void awaitHeard(List<String> heard, int messages) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (heard.size() < messages && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }
}
