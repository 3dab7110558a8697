package app.arv.web.generation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** How a stream's writes are kept off the threads every stream shares: one delivery at a time, asked for without waiting. */
class SerialDeliveryTest {

    private final ExecutorService deliveries = Executors.newCachedThreadPool();
    private final CountDownLatch clientReads = new CountDownLatch(1);
    private final CountDownLatch firstDeliveryStarted = new CountDownLatch(1);
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        clientReads.countDown();
        deliveries.shutdownNow();
    }

    /** A client that does not read: the first delivery blocks until the test lets it go, as a full socket would. */
    private void stalledWrite(boolean wake, boolean beat) {
        delivered.add((wake ? "wake" : "") + (beat ? "beat" : ""));
        firstDeliveryStarted.countDown();
        try {
            clientReads.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void askingWhileTheClientIsStalledReturnsAtOnce() throws InterruptedException {
        SerialDelivery delivery = new SerialDelivery(deliveries, this::stalledWrite);
        delivery.ask(true, false);
        assertThat(firstDeliveryStarted.await(10, TimeUnit.SECONDS)).isTrue();

        boolean asked = delivery.ask(false, true);

        assertThat(asked).isTrue();
        assertThat(delivered).as("the heartbeat waits for the delivery under way").containsExactly("wake");
    }

    @Test
    void whatIsAskedDuringADeliveryIsDeliveredOnceAfterIt() throws InterruptedException {
        SerialDelivery delivery = new SerialDelivery(deliveries, this::stalledWrite);
        delivery.ask(true, false);
        assertThat(firstDeliveryStarted.await(10, TimeUnit.SECONDS)).isTrue();
        delivery.ask(true, false);
        delivery.ask(true, false);
        delivery.ask(false, true);

        clientReads.countDown();
        deliveries.shutdown();
        assertThat(deliveries.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(delivered).containsExactly("wake", "wakebeat");
    }

    @Test
    void anExecutorWithNoRoomLeftSaysSoSoThatTheStreamEnds() {
        SerialDelivery delivery = new SerialDelivery(task -> {
            throw new RejectedExecutionException("every delivery thread waits on a stalled client");
        }, this::stalledWrite);

        assertThat(delivery.ask(true, false)).isFalse();
        assertThat(delivered).isEmpty();
    }
}
