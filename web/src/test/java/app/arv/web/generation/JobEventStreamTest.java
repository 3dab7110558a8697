package app.arv.web.generation;

import app.arv.ServiceBeans;
import app.arv.events.RedisConnection;
import app.arv.events.TestRedis;
import app.arv.generation.GenerationEventHub;
import app.arv.generation.GenerationEvents;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A job's SSE stream as the node's shared threads (the Redis subscription, the heartbeat) use it. */
class JobEventStreamTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    private final ExecutorService endings = Executors.newSingleThreadExecutor(task -> new Thread(task, "ending"));
    private final StalledClient client = new StalledClient();

    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(task -> new Thread(task, "delivery"));
    private final ReadingClient reader = new ReadingClient();

    @AfterEach
    void stop() {
        client.reads.countDown();
        reader.reads.countDown();
        endings.shutdownNow();
        deliveries.shutdownNow();
    }

    /** A client that reads what it is sent once the test lets it: until then each write waits, as a full socket makes it. */
    private static final class ReadingClient implements SseEventSink {

        final CountDownLatch reads = new CountDownLatch(1);
        final List<String> names = new CopyOnWriteArrayList<>();
        final List<String> writers = new CopyOnWriteArrayList<>();

        @Override
        public boolean isClosed() { return false; }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            writers.add(Thread.currentThread().getName());
            try {
                reads.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            names.add(event.getName());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    }

    /** The server's event builder, as far as a stream uses it: name, id, media type and data. */
    private static Sse sse() {
        return (Sse) Proxy.newProxyInstance(Sse.class.getClassLoader(), new Class<?>[]{Sse.class}, (sse, method, args) -> {
            Map<String, Object> fields = new HashMap<>();
            return Proxy.newProxyInstance(Sse.class.getClassLoader(), new Class<?>[]{OutboundSseEvent.Builder.class}, (builder, call, values) -> {
                if (call.getName().equals("build")) {
                    return Proxy.newProxyInstance(Sse.class.getClassLoader(), new Class<?>[]{OutboundSseEvent.class},
                            (event, get, none) -> fields.get(get.getName().substring(3).toLowerCase(Locale.ROOT)));
                }
                fields.put(call.getName(), values[0]);
                return builder;
            });
        });
    }

    /** This node's hub on the test's Redis: its subscription on a daemon thread, no heartbeats. */
    private static GenerationEventHub hub() {
        ManagedThreadFactory threads = (ManagedThreadFactory) Proxy.newProxyInstance(Sse.class.getClassLoader(),
                new Class<?>[]{ManagedThreadFactory.class}, (factory, method, args) -> new Thread((Runnable) args[0]));
        ManagedScheduledExecutorService scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                Sse.class.getClassLoader(), new Class<?>[]{ManagedScheduledExecutorService.class}, (executor, method, args) -> null);
        return new ServiceBeans(null).with(RedisConnection.class, redis.newConnection()).with(ManagedThreadFactory.class, threads)
                .with(ManagedScheduledExecutorService.class, scheduler).with(Duration.class, Duration.ofHours(1))
                .get(GenerationEventHub.class);
    }

    /** {@code count} progress events on the job's stream, as workers append them. */
    private static void appended(UUID job, int count) {
        try (Jedis jedis = new Jedis(URI.create(redis.url()))) {
            for (int i = 0; i < count; i++) {
                jedis.xadd(GenerationEvents.stream(job), XAddParams.xAddParams(),
                        Map.of("type", "progress", "data", "{\"item\":\"" + job + "\",\"percent\":" + i + "}"));
            }
        }
    }

    /** How many times Redis was asked for a range of a stream so far. */
    private static long rangeReads() {
        try (Jedis jedis = new Jedis(URI.create(redis.url()))) {
            return jedis.info("commandstats").lines().filter(line -> line.startsWith("cmdstat_xrange:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("^cmdstat_xrange:calls=(\\d+),.*$", "$1"))).orElse(0L);
        }
    }

    @Test
    void theReplayOnConnectIsWrittenByADeliveryThreadSoTheRequestsThreadDoesNotWaitForTheClient() throws InterruptedException {
        UUID job = UUID.randomUUID();
        appended(job, 3);
        JobEventStream stream = new JobEventStream(job, null, reader, sse(), hub(), () -> true, deliveries, endings);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> stream.start(null), "the request's thread waited for its client");

        reader.reads.countDown();
        deliveries.shutdown();
        assertThat(deliveries.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.names).containsExactly("progress", "progress", "progress");
        assertThat(reader.writers).containsOnly("delivery");
    }

    @Test
    void aWakeReadsTheJobsStreamOnceWhenWhatIsNewFitsOneBatch() {
        UUID job = UUID.randomUUID();
        appended(job, 3);
        reader.reads.countDown();
        JobEventStream stream = new JobEventStream(job, null, reader, sse(), hub(), () -> true, Runnable::run, endings);
        long before = rangeReads();

        stream.wake();

        assertThat(reader.names).hasSize(3);
        assertThat(rangeReads() - before).isEqualTo(1);
    }

    /**
     * The sink of a client that stopped reading: ending its stream writes the last chunk, which waits until the test
     * lets it go, as a full socket would (up to the server's write timeout).
     */
    private static final class StalledClient implements SseEventSink {

        final CountDownLatch reads = new CountDownLatch(1);
        final CountDownLatch closing = new CountDownLatch(1);
        volatile String closedBy;

        @Override
        public boolean isClosed() { return false; }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            throw new AssertionError("nothing is sent to a stream that found no delivery thread");
        }

        @Override
        public void close() {
            closedBy = Thread.currentThread().getName();
            closing.countDown();
            try {
                reads.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aStreamThatFindsNoDeliveryThreadFreeEndsWithoutHoldingUpTheThreadThatWokeIt() throws InterruptedException {
        JobEventStream stream = new JobEventStream(UUID.randomUUID(), null, client, null, new GenerationEventHub(), () -> true, task -> {
            throw new RejectedExecutionException("every delivery thread waits on a stalled client");
        }, endings);

        assertTimeoutPreemptively(Duration.ofSeconds(5), stream::wake, "the Redis subscription's thread waited for the client");

        assertThat(stream.isClosed()).isTrue();
        assertThat(client.closing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(client.closedBy).isEqualTo("ending");
    }
}
