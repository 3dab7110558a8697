package app.arv.web.generation;

import app.arv.generation.GenerationEventHub;
import app.arv.generation.JobEvent;
import app.arv.generation.StoredEvent;
import app.arv.web.security.CredentialCheck;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SSE client of one job: sends the stream's events it has not seen (each with its stream id, so
 * Last-Event-ID resumes), heartbeats without id, and closes after the {@code completed} event. The request that opens
 * it, the hub's subscriber thread and the heartbeat task only ask for a delivery ({@link SerialDelivery}); the writes
 * (the replay of what the client missed too) happen on a delivery thread of {@link StreamDeliveries}, one at a time, so
 * a client that stops reading holds up nobody but itself, and that thread only up to the server's write timeout
 * (Grizzly's, 30 s unless the transport sets another), after which the write fails, the server closes the connection
 * and the stream ends; a stream that finds no delivery thread free ends, closed on an {@code endings} thread, since closing writes to
 * its client as well. The credential the stream was opened with is checked again on every heartbeat: once it is refused
 * (revoked key, deactivated person or organization, expired token) the stream ends.
 */
final class JobEventStream implements GenerationEventHub.Listener {

    private static final Logger LOG = Logger.getLogger(JobEventStream.class.getName());
    static final String COMPLETED = JobEvent.Type.COMPLETED.wireName();

    private final UUID jobId;
    private final SseEventSink sink;
    private final Sse sse;
    private final GenerationEventHub hub;
    private final CredentialCheck credential;
    private final SerialDelivery delivery;
    private final Executor endings;
    /** Read and written by the one delivering thread only. */
    private String lastId;
    /** The job's end as it was when the stream opened, told once after the replay; then null. Delivering thread only. */
    private String finalSummary;
    private volatile boolean closed;

    JobEventStream(UUID jobId, String lastEventId, SseEventSink sink, Sse sse, GenerationEventHub hub, CredentialCheck credential,
            Executor deliveries, Executor endings) {
        this.jobId = jobId;
        this.credential = credential;
        this.sink = sink;
        this.sse = sse;
        this.hub = hub;
        this.lastId = StoredEvent.isEntryId(lastEventId) ? lastEventId : null;
        this.delivery = new SerialDelivery(deliveries, this::deliver);
        this.endings = endings;
    }

    /**
     * Listens first, then asks for the replay, which a delivery thread makes like any other delivery: the request's own
     * thread (one of the server's HTTP threads) returns at once, however long the replay or slow the client. An event
     * published in between asks for a delivery, which follows the replay.
     *
     * @param finalSummary the job's {@code completed} event data when the job is already final (sent after the replay,
     *     without id, if the stream lacks it, e.g. after Redis lost it), else {@code null}
     */
    void start(String finalSummary) {
        this.finalSummary = finalSummary;
        hub.add(jobId, this);
        ask(true, false);
    }

    @Override
    public void wake() {
        ask(true, false);
    }

    @Override
    public void heartbeat() {
        ask(false, true);
    }

    @Override
    public boolean isClosed() { return closed || sink.isClosed(); }

    /**
     * Called by the threads every stream of the node shares (the Redis subscription, the heartbeat): never waits for
     * this stream's client, not even to end the stream when no delivery thread is free.
     */
    private void ask(boolean wake, boolean beat) {
        if (!closed && !delivery.ask(wake, beat) && stopListening()) {
            LOG.fine(() -> "No delivery thread free for the events of generation job " + jobId + "; the stream ends");
            try {
                endings.execute(this::closeSink);
            } catch (RejectedExecutionException shuttingDown) {
                closeSink();
            }
        }
    }

    private void deliver(boolean wake, boolean beat) {
        if (closed) {
            return;
        }
        if (beat) {
            if (!credential.holds()) {
                close();
                return;
            }
            send(sse.newEventBuilder().name("heartbeat").data("{\"time\":\"" + Instant.now() + "\"}").build());
        }
        if (wake) {
            sendNewEvents();
        }
        if (finalSummary != null) {
            String summary = finalSummary;
            finalSummary = null;
            if (!closed) {
                send(sse.newEventBuilder().name(COMPLETED).mediaType(MediaType.APPLICATION_JSON_TYPE).data(summary).build());
                close();
            }
        }
    }

    private void sendNewEvents() {
        try {
            List<StoredEvent> events;
            String lastType = null;
            do {
                events = hub.since(jobId, lastId);
                for (StoredEvent event : events) {
                    send(sse.newEventBuilder().id(event.id()).name(event.type())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(event.data()).build());
                    lastId = event.id();
                    lastType = event.type();
                }
                // A batch shorter than the most the hub answers was all there was: whatever is appended after it wakes
                // this stream again, so asking once more would only read nothing.
            } while (events.size() == GenerationEventHub.READ_BATCH && !closed);
            // Only the stream's last word ends it: a retried item reopens a job after its first "completed".
            if (COMPLETED.equals(lastType)) {
                close();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Events of generation job " + jobId + " could not be read; the stream ends", e);
            close();
        }
    }

    private void send(OutboundSseEvent event) {
        if (closed || sink.isClosed()) {
            close();
            return;
        }
        // Jersey writes on this thread; a failed write (the client went away) completes the stage exceptionally.
        sink.send(event).exceptionally(failure -> {
            close();
            return null;
        });
    }

    private void close() {
        if (stopListening()) {
            closeSink();
        }
    }

    /** @return whether this call stopped it (the first to) */
    private boolean stopListening() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
        }
        hub.remove(jobId, this);
        return true;
    }

    /** Writes the stream's end, which waits while the client's socket is full. */
    private void closeSink() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // Already gone.
        }
    }
}
