package app.arv.generation;

import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.shared.Jsonp;
import app.arv.shared.WireName;
import jakarta.json.JsonObject;

import java.util.Map;
import java.util.UUID;

/**
 * One event of a job as clients receive it (SSE, WebSocket, the replayable stream): each kind has its
 * name and its payload built here, once.
 *
 * @param type what happened
 * @param data the event's JSON
 * @param item the item the event is about, as the transaction that made it true holds it (its version, once written, is
 *     sent along: {@link GenerationEvents} drops an event older than one already sent); null for the job's own event
 */
public record JobEvent(Type type, JsonObject data, GenerationItem item) {

    /** The kinds of event; each is named on the wire in snake_case ({@code item_completed}). */
    public enum Type {
        PROGRESS,
        ITEM_COMPLETED,
        ITEM_FAILED,
        /** The job became final; the last word of its stream, unless an item is retried (then a {@code progress} follows). */
        COMPLETED;

        public String wireName() {
            return WireName.of(this);
        }
    }

    /** An item's progress and stage. */
    public static JobEvent progress(GenerationItem item) {
        return progress(item, item.getStage());
    }

    /**
     * A failed item was retried and waits in the queue again: its progress back at 0, stage {@code queued}. It reopens a
     * finished job, so it follows that job's {@code completed} event on the stream.
     */
    public static JobEvent requeued(GenerationItem item) {
        return progress(item, "queued");
    }

    private static JobEvent progress(GenerationItem item, String stage) {
        return new JobEvent(Type.PROGRESS, Jsonp.createObjectBuilder()
                .add("item", item.getId().toString()).add("position", item.getPosition())
                .add("percent", item.getProgress()).add("stage", stage).build(), item);
    }

    /** An item's model is stored. */
    public static JobEvent itemCompleted(GenerationItem item, UUID modelMediaId) {
        return new JobEvent(Type.ITEM_COMPLETED, Jsonp.createObjectBuilder()
                .add("item", item.getId().toString()).add("position", item.getPosition())
                .add("model_media_id", modelMediaId.toString()).build(), item);
    }

    /** An item failed for good, with its reason. */
    public static JobEvent itemFailed(GenerationItem item) {
        return new JobEvent(Type.ITEM_FAILED, Jsonp.createObjectBuilder()
                .add("item", item.getId().toString()).add("position", item.getPosition())
                .add("error", item.getError()).build(), item);
    }

    /** The job's final status and how many of its items made a model or failed. */
    public static JobEvent completed(GenerationStatus status, Map<GenerationStatus, Long> itemCounts) {
        return new JobEvent(Type.COMPLETED, Jsonp.createObjectBuilder()
                .add("status", WireName.of(status))
                .add("completed", itemCounts.get(GenerationStatus.COMPLETED))
                .add("failed", itemCounts.get(GenerationStatus.FAILED)).build(), null);
    }
}
