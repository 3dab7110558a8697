package app.arv.generation;

import app.arv.events.LiveEvents;
import app.arv.events.OrganizationEventHub;
import app.arv.events.RedisKeys;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A job's events ({@code progress}, {@code item_completed}, {@code item_failed}, {@code completed}) on
 * Redis: appended to the stream {@code arv:generation:<job>:events} (kept a day, so a client can replay
 * what it missed) and announced on the channel {@code arv:generation:<job>}, so a listener on any node
 * sees work done on any node; also on the organization's channel ({@link OrganizationEventHub}, for
 * WebSocket clients of all its jobs). Sent after the commit that made them true ({@link LiveEvents}); a Redis outage costs the event,
 * never the state change.
 *
 * <h2>Order</h2>
 * Each transaction sends its events after its commit, and nothing orders two transactions' sending: a worker whose
 * commit finished an item may send its {@code item_completed} after the worker that finished the job's last item sent
 * {@code completed} (on the same node or another), and a client that stops listening at {@code completed} would miss
 * it. So every item event carries the item's {@link GenerationItem#getVersion() version} as its transaction writes it,
 * and Redis keeps, per job, the last version sent of each item ({@code arv:generation:<job>:items}): an event no newer
 * than that is stale (a progress report overtaken by the item's end, an end already told) and is dropped. And the
 * job's {@code completed} goes out with its items' ends as the finishing transaction sees them, each sent first
 * unless already sent. One Lua script does the check, the append and both announcements, so the stream and the
 * channels have one order: whatever arrives late after {@code completed} is dropped rather than told after it.
 */
@ApplicationScoped
public class GenerationEvents {

    private static final long KEEP_SECONDS = 24 * 3600;
    private static final long MAX_EVENTS = 10_000;

    /**
     * KEYS: the job's stream, the job's item versions. ARGV: max stream length, seconds kept, job channel, organization
     * channel, job id; then per event its item (empty for the job's own), the item's version, type (empty: only the
     * item's version is noted, a cancelled item has no event) and data. Answers the ids of the events sent.
     */
    private static final String SEND = """
            local sent = {}
            for i = 6, #ARGV, 4 do
              local item, version, kind, data = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
              local fresh = true
              if item ~= '' then
                fresh = tonumber(version) > tonumber(redis.call('HGET', KEYS[2], item) or '-1')
                if fresh then
                  redis.call('HSET', KEYS[2], item, version)
                end
              end
              if fresh and kind ~= '' then
                local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'type', kind, 'data', data)
                redis.call('PUBLISH', ARGV[3], id .. ' ' .. kind)
                redis.call('PUBLISH', ARGV[4], '{"event":"' .. kind .. '","job":"' .. ARGV[5] .. '","id":"' .. id .. '","data":' .. data .. '}')
                sent[#sent + 1] = id
              end
            end
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            return sent
            """;

    @Inject
    LiveEvents live;

    @Inject
    GenerationRepository generations;

    /** The events' source on the organization's channel (WebSocket clients). */
    public static final String ORGANIZATION_SOURCE = "generations";

    /** Every job's channel, for one subscription per node. */
    public static final String CHANNEL_PATTERN = RedisKeys.GENERATION_EVENTS.pattern();

    public static String channel(UUID jobId) {
        return RedisKeys.GENERATION_EVENTS.key(jobId);
    }

    public static String stream(UUID jobId) {
        return channel(jobId) + ":events";
    }

    /** The last version sent of each item of the job. */
    static String itemVersions(UUID jobId) {
        return channel(jobId) + ":items";
    }

    /**
     * Sends the event once the current transaction has committed. Called within the transaction that made it true, after
     * the change: an item event's item (the event's own, as this transaction holds it), and a {@code completed} event's
     * items (read in one query), as this transaction writes them.
     */
    public void publish(UUID organizationId, UUID jobId, JobEvent event) {
        // Written now, so each item's version is the one this transaction commits with.
        generations.flush();
        List<String> args = new ArrayList<>(List.of(Long.toString(MAX_EVENTS), Long.toString(KEEP_SECONDS), channel(jobId),
                OrganizationEventHub.channel(organizationId, ORGANIZATION_SOURCE), jobId.toString()));
        if (event.type() == JobEvent.Type.COMPLETED) {
            generations.items(organizationId, jobId).forEach(item -> addEnd(args, item));
            add(args, "", "", event);
        } else {
            // The event's own item, as this transaction holds it: its version is the one just written, no need to read it back.
            add(args, event.item().getId().toString(), Long.toString(event.item().getVersion()), event);
        }
        live.afterCommit("Generation event " + event.type().wireName() + " of job " + jobId,
                client -> client.eval(SEND, List.of(stream(jobId), itemVersions(jobId)), args));
    }

    /** A finished item's last event, as its own transaction sent it (or will: then that one is dropped as already told). */
    private static void addEnd(List<String> args, GenerationItem item) {
        String id = item.getId().toString();
        String version = Long.toString(item.getVersion());
        switch (item.getStatus()) {
            case COMPLETED -> add(args, id, version, JobEvent.itemCompleted(item, item.getModelMediaId()));
            case FAILED -> add(args, id, version, JobEvent.itemFailed(item));
            // No event of its own; its version is noted, so a progress report sent late is dropped.
            case CANCELLED -> args.addAll(List.of(id, version, "", ""));
            // Queued or processing: not while its job is completed.
            default -> {
            }
        }
    }

    private static void add(List<String> args, String item, String version, JobEvent event) {
        args.addAll(List.of(item, version, event.type().wireName(), event.data().toString()));
    }
}
