package app.arv.persistence.storage;

import java.time.Instant;

/**
 * What keeps a storage connection from being moved or deleted, by kind: each clears in its own way (an admin deletes
 * media, the deletion timer carries out owed deletions once due, a store that accepts settles dead letters, a direct
 * upload's URL expires).
 *
 * @param media              live media stored through it
 * @param retiredOwed        deletions owed for the objects of deleted (retired) media
 * @param stagedOwed         deletions owed for objects written and never recorded (their node stopped in between)
 * @param owedDueFrom        the earliest next attempt of those owed deletions; {@code null} when none is owed
 * @param deadLetters        deletions that kept failing, parked
 * @param directUploads      direct uploads whose rows still name it
 * @param uploadsOpenUntil   when the last of those uploads' URLs expires; {@code null} when there is none
 */
public record ConnectionHolders(long media, long retiredOwed, long stagedOwed, Instant owedDueFrom, long deadLetters,
        long directUploads, Instant uploadsOpenUntil) {

    public long owedDeletions() {
        return retiredOwed + stagedOwed;
    }

    public boolean any() {
        return media + owedDeletions() + deadLetters + directUploads > 0;
    }
}
