package app.arv.web.generation;

import app.arv.generation.GenerationEventHub;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A job's SSE stream as the node's shared threads (the Redis subscription, the heartbeat) use it. */
class JobEventStreamTest {

    private final ExecutorService endings = Executors.newSingleThreadExecutor(task -> new Thread(task, "ending"));
    private final StalledClient client = new StalledClient();

    @AfterEach
    void stop() {
        client.reads.countDown();
        endings.shutdownNow();
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
