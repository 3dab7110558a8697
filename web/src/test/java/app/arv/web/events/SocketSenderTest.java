package app.arv.web.events;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A socket's messages leave in order without the sending thread waiting for the client, and a client that
 * stops reading is closed rather than waited for. The clients are fakes of the container's session: one
 * that reads (a send completes at once), one that has stopped (a send never completes), one whose sends
 * complete when the test says.
 */
class SocketSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AtomicLong clock = new AtomicLong();

    @Test
    void aClientThatStoppedReadingDoesNotHoldUpTheNextSocketsMessage() {
        Client stalled = Client.stalled();
        Client reading = Client.reading();
        SocketSender stalledSender = sender(stalled, 10);
        SocketSender readingSender = sender(reading, 10);

        // One thread for both, as the node's Redis subscription is: a send that waited would never return.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            stalledSender.send("one");
            stalledSender.send("two");
            readingSender.send("event");
        });

        assertThat(reading.sent).containsExactly("event");
        assertThat(stalled.closedWith).isNull();
    }

    @Test
    void aClientWhoseBacklogOverflowsIsClosedAsTooSlowAndDropped() {
        Client stalled = Client.stalled();
        SocketSender sender = sender(stalled, 2);

        for (String message : List.of("out", "waiting 1", "waiting 2", "one too many", "after")) {
            sender.send(message);
        }

        assertThat(stalled.closedWith.getCloseCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER);
        assertThat(sender.isClosed()).isTrue();
        assertThat(stalled.sent).containsExactly("out");
    }

    @Test
    void aClientThatHasNotTakenAMessageWithinTheTimeoutIsClosedAtTheNext() {
        Client stalled = Client.stalled();
        SocketSender sender = sender(stalled, 10);
        sender.send("out");

        clock.addAndGet(TIMEOUT.plusSeconds(1).toNanos());
        sender.send("heartbeat");

        assertThat(stalled.closedWith.getCloseCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER);
        assertThat(sender.isClosed()).isTrue();
    }

    @Test
    void messagesReachTheClientInTheOrderSentOneAtATime() {
        Client slow = Client.completingOnRequest();
        SocketSender sender = sender(slow, 10);
        for (String message : List.of("a", "b", "c", "d")) {
            sender.send(message);
        }

        while (!slow.pending.isEmpty()) {
            assertThat(slow.pending).hasSize(1);
            slow.pending.poll().onResult(new SendResult());
        }

        assertThat(slow.sent).containsExactly("a", "b", "c", "d");
        assertThat(slow.closedWith).isNull();
    }

    @Test
    void aLongBacklogIsSentWholeOnceTheClientReadsAgain() {
        Client slow = Client.completingOnRequest();
        SocketSender sender = sender(slow, 100_000);
        List<String> messages = IntStream.range(0, 100_000).mapToObj(Integer::toString).toList();
        messages.forEach(sender::send);

        slow.completes = Completes.AT_ONCE;
        slow.pending.poll().onResult(new SendResult());

        assertThat(slow.sent).isEqualTo(messages);
        assertThat(slow.closedWith).isNull();
    }

    @Test
    void aFailedSendClosesTheSocketAndDropsTheRest() {
        Client slow = Client.completingOnRequest();
        SocketSender sender = sender(slow, 10);
        sender.send("a");
        sender.send("b");

        slow.pending.poll().onResult(new SendResult(new IOException("Broken pipe")));

        assertThat(slow.closedWith.getCloseCode()).isEqualTo(CloseReason.CloseCodes.UNEXPECTED_CONDITION);
        assertThat(slow.sent).containsExactly("a");
    }

    private SocketSender sender(Client client, int capacity) {
        return new SocketSender(client.session, capacity, TIMEOUT, clock::get);
    }

    private enum Completes {
        AT_ONCE, ON_REQUEST, NEVER
    }

    /** The far end of one socket, as the container's session and asynchronous remote show it. */
    private static final class Client {

        private final List<String> sent = new CopyOnWriteArrayList<>();
        private final Deque<SendHandler> pending = new ArrayDeque<>();
        private volatile CloseReason closedWith;
        private final Session session;
        private volatile Completes completes;

        private Client(Completes completes) {
            this.completes = completes;
            RemoteEndpoint.Async remote = fake(RemoteEndpoint.Async.class, (method, args) -> {
                if (!method.equals("sendText") || args.length != 2) {
                    throw new UnsupportedOperationException(method);
                }
                sent.add((String) args[0]);
                SendHandler handler = (SendHandler) args[1];
                switch (this.completes) {
                    case AT_ONCE -> handler.onResult(new SendResult());
                    case ON_REQUEST -> pending.add(handler);
                    case NEVER -> {
                    }
                }
                return null;
            });
            session = fake(Session.class, (method, args) -> switch (method) {
                case "isOpen" -> closedWith == null;
                case "getAsyncRemote" -> remote;
                case "close" -> {
                    closedWith = args == null ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "") : (CloseReason) args[0];
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method);
            });
        }

        static Client reading() {
            return new Client(Completes.AT_ONCE);
        }

        static Client stalled() {
            return new Client(Completes.NEVER);
        }

        static Client completingOnRequest() {
            return new Client(Completes.ON_REQUEST);
        }

        private interface Answer {
            Object answer(String method, Object[] args);
        }

        private static <T> T fake(Class<T> type, Answer answer) {
            return type.cast(Proxy.newProxyInstance(SocketSenderTest.class.getClassLoader(), new Class<?>[]{type},
                    (proxy, method, args) -> answer.answer(method.getName(), args)));
        }
    }
}
