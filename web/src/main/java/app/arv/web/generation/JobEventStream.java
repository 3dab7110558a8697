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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SSE client of one job: sends the stream's events it has not seen (each with its stream id, so
 * Last-Event-ID resumes), heartbeats without id, and closes after the {@code completed} event.
 * Synchronized: the hub's subscriber thread and the heartbeat task both write to the sink. The
 * credential the stream was opened with is checked again on every heartbeat: once it is refused
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
    private String lastId;
    private boolean closed;

    JobEventStream(UUID jobId, String lastEventId, SseEventSink sink, Sse sse, GenerationEventHub hub, CredentialCheck credential) {
        this.jobId = jobId;
        this.credential = credential;
        this.sink = sink;
        this.sse = sse;
        this.hub = hub;
        this.lastId = StoredEvent.isEntryId(lastEventId) ? lastEventId : null;
    }

    /**
     * Listens first, then replays: an event published in between wakes this stream and is read then.
     *
     * @param finalSummary the job's {@code completed} event data when the job is already final (sent,
     *     without id, if the stream lacks it, e.g. after Redis lost it), else {@code null}
     */
    void start(String finalSummary) {
        hub.add(jobId, this);
        wake();
        if (finalSummary != null) {
            synchronized (this) {
                if (!closed) {
                    send(sse.newEventBuilder().name(COMPLETED).mediaType(MediaType.APPLICATION_JSON_TYPE).data(finalSummary).build());
                    close();
                }
            }
        }
    }

    @Override
    public synchronized void wake() {
        if (closed) {
            return;
        }
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
            } while (!events.isEmpty() && !closed);
            // Only the stream's last word ends it: a retried item reopens a job after its first "completed".
            if (COMPLETED.equals(lastType)) {
                close();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Events of generation job " + jobId + " could not be read; the stream ends", e);
            close();
        }
    }

    @Override
    public synchronized void heartbeat() {
        if (!closed && !credential.holds()) {
            close();
        }
        if (!closed) {
            send(sse.newEventBuilder().name("heartbeat").data("{\"time\":\"" + Instant.now() + "\"}").build());
        }
    }

    @Override
    public synchronized boolean isClosed() { return closed || sink.isClosed(); }

    private void send(OutboundSseEvent event) {
        if (sink.isClosed()) {
            close();
            return;
        }
        sink.send(event).exceptionally(failure -> {
            // The client went away: stop listening.
            synchronized (this) {
                close();
            }
            return null;
        });
    }

    private void close() {
        if (!closed) {
            closed = true;
            hub.remove(jobId, this);
            try {
                sink.close();
            } catch (RuntimeException e) {
                // Already gone.
            }
        }
    }
}
