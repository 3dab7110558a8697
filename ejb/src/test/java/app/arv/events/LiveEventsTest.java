package app.arv.events;

import app.arv.ServiceBeans;
import app.arv.events.Eavesdropper.Heard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        try (Eavesdropper listener = Eavesdropper.onChannels(redis.url(), "arv:test:org", "arv:test:item")) {
            RedisConnection connection = redis.newConnection();
            LiveEvents live = liveEvents(connection);

            live.publish("Test event", "{\"status\":\"ready\"}", "arv:test:org", "arv:test:item");
            // Anything published by now reaches the listener before this probe does.
            connection.client().publish("arv:test:org", "probe");
            listener.awaitHeard(Duration.ofSeconds(10), heard -> heard.message().equals("probe"));
            List<Heard> beforeTheCommit = listener.heard();
            onCommit.forEach(Runnable::run);
            listener.awaitHeard(Duration.ofSeconds(10), heard -> heard.channel().equals("arv:test:item"));

            assertThat(beforeTheCommit).containsExactly(new Heard("arv:test:org", "probe"));
            assertThat(listener.heard()).containsExactly(new Heard("arv:test:org", "probe"),
                    new Heard("arv:test:org", "{\"status\":\"ready\"}"), new Heard("arv:test:item", "{\"status\":\"ready\"}"));
        }
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
}
