package app.arv.web.events;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One WebSocket's outgoing text messages, in the order given, sent without the caller ever waiting for the
 * client. The callers are threads every socket of the node shares (the Redis subscription, the heartbeat):
 * a client that stops reading must not hold them up. So a message joins this socket's backlog and goes out
 * through the asynchronous remote, one at a time; a client that lets {@code capacity} messages pile up, or
 * has not taken one within {@code sendTimeout}, is closed with 1013 (try again later) and its backlog dropped.
 * The timeout is measured here, at each new message (at the latest the next heartbeat): Tyrus ignores the
 * asynchronous remote's own send timeout.
 */
final class SocketSender {

    static final CloseReason TOO_SLOW = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow");
    static final CloseReason SEND_FAILED = new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");

    private final Session session;
    private final int capacity;
    private final long sendTimeoutNanos;
    private final LongSupplier nanoTime;
    private final Deque<String> backlog = new ArrayDeque<>();
    /** Whether a message is out with the client: whoever set it sends the next one, which keeps the order. */
    private boolean sending;
    private long sendingSince;
    private boolean closed;

    /**
     * @param capacity    the messages a socket may have waiting before it counts as too slow
     * @param sendTimeout how long one message may take to reach the client
     * @param nanoTime    the clock the timeout is measured with ({@link System#nanoTime()})
     */
    SocketSender(Session session, int capacity, Duration sendTimeout, LongSupplier nanoTime) {
        this.session = session;
        this.capacity = capacity;
        this.sendTimeoutNanos = sendTimeout.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Queues {@code text} after the messages before it and returns at once; closes a socket that falls too far behind. */
    void send(String text) {
        boolean tooSlow;
        boolean startSending = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!session.isOpen()) {
                closed = true;
                backlog.clear();
                return;
            }
            tooSlow = sending && nanoTime.getAsLong() - sendingSince > sendTimeoutNanos || backlog.size() >= capacity;
            if (!tooSlow) {
                backlog.add(text);
                startSending = !sending;
                sending = true;
            }
        }
        if (tooSlow) {
            close(TOO_SLOW);
        } else if (startSending) {
            sendBacklog();
        }
    }

    /** Closes the socket now, dropping what has not been sent (a refused credential, a client too slow). */
    void close(CloseReason reason) {
        synchronized (this) {
            closed = true;
            backlog.clear();
        }
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            // The client is gone already.
        }
    }

    boolean isClosed() {
        synchronized (this) {
            if (closed) {
                return true;
            }
        }
        return !session.isOpen();
    }

    /**
     * Sends the backlog, by the one thread that holds {@link #sending}. A send that completes before
     * {@code sendText} returns (the client reads) is followed by the next in this loop rather than from its
     * completion, so a long backlog does not deepen the stack; one that completes later continues from there.
     */
    private void sendBacklog() {
        while (true) {
            String next;
            synchronized (this) {
                next = closed ? null : backlog.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
                sendingSince = nanoTime.getAsLong();
            }
            Completion completion = new Completion();
            try {
                session.getAsyncRemote().sendText(next, completion);
            } catch (RuntimeException e) {
                failed();
                return;
            }
            if (!completion.continuesHere()) {
                return;
            }
        }
    }

    private void failed() {
        synchronized (this) {
            sending = false;
        }
        close(SEND_FAILED);
    }

    /** One message's completion, which decides who sends the next: the loop that sent it, or the completing thread. */
    private final class Completion implements SendHandler {

        private static final int PENDING = 0;
        private static final int COMPLETED = 1;
        private static final int RETURNED = 2;

        private final AtomicInteger state = new AtomicInteger(PENDING);

        @Override
        public void onResult(SendResult result) {
            if (!result.isOK()) {
                failed();
                return;
            }
            if (!state.compareAndSet(PENDING, COMPLETED)) {
                // sendText had returned: the loop has left, this thread carries on.
                sendBacklog();
            }
        }

        /** Called once sendText returned: true if the message went already, and the loop sends the next. */
        boolean continuesHere() {
            return !state.compareAndSet(PENDING, RETURNED);
        }
    }
}
