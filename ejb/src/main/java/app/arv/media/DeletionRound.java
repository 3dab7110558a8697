package app.arv.media;

/** What one pass over owed object deletions did. */
public record DeletionRound(int deleted, int retrying, int deadLettered) {

    public DeletionRound plus(DeletionRound other) {
        return new DeletionRound(deleted + other.deleted, retrying + other.retrying, deadLettered + other.deadLettered);
    }
}
