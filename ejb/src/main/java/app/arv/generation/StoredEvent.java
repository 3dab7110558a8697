package app.arv.generation;

/**
 * One event of a job's Redis stream.
 *
 * @param id the stream entry id ({@code <millis>-<sequence>}), which SSE clients send back as Last-Event-ID
 * @param type progress, item_completed, item_failed or completed
 * @param data the event's JSON
 */
public record StoredEvent(String id, String type, String data) {

    /** The smallest entry id after {@code id}, for an exclusive range start that works on any Redis version. */
    static String after(String id) {
        int dash = id.indexOf('-');
        return id.substring(0, dash) + "-" + (Long.parseLong(id.substring(dash + 1)) + 1);
    }

    /** A client's Last-Event-ID, if it is a stream entry id at all. */
    public static boolean isEntryId(String value) {
        return value != null && value.matches("\\d{1,19}-\\d{1,19}");
    }
}
