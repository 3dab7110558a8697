package app.arv.storage;

import app.arv.persistence.storage.ConnectionHolders;
import app.arv.shared.DomainException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * 409 {@code storage_connection_in_use}: what holds the connection, each kind with its count and what clears it. After a
 * node stopped mid-upload no media may be stored through the connection at all, only the deletions of what it staged
 * are owed (due once {@code arv.media.orphan-grace} is over): a refusal that said "media is stored" left the admin
 * nothing to act on.
 */
public class StorageConnectionInUse extends DomainException {

    public static final String CODE = "storage_connection_in_use";

    private final transient ConnectionHolders holders;

    private StorageConnectionInUse(ConnectionHolders holders, String detail) {
        super(409, CODE, detail);
        this.holders = holders;
    }

    /**
     * @param apiRoot what the API's paths named in the detail start with: empty in the services (they read
     *                {@code GET /admin/storage/dead-letters}), the API's root where the web layer answers
     */
    public static StorageConnectionInUse of(ConnectionHolders holders, String apiRoot) {
        return new StorageConnectionInUse(holders, detail(holders, apiRoot));
    }

    public ConnectionHolders holders() {
        return holders;
    }

    /** The same refusal, its detail naming the API's paths under {@code apiRoot}. */
    public String detail(String apiRoot) {
        return detail(holders, apiRoot);
    }

    private static String detail(ConnectionHolders holders, String apiRoot) {
        List<String> held = new ArrayList<>();
        if (holders.media() > 0) {
            held.add(holders.media() + (holders.media() == 1 ? " file is" : " files are")
                    + " stored through it (it is free once they are deleted)");
        }
        if (holders.owedDeletions() > 0) {
            held.add(holders.owedDeletions() + (holders.owedDeletions() == 1 ? " file" : " files") + " written through it "
                    + (holders.owedDeletions() == 1 ? "awaits its" : "await their") + " deletion (" + owedWhy(holders)
                    + "; due from " + seconds(holders.owedDueFrom()) + ", when the deletion timer carries them out — a"
                    + " platform admin's POST " + apiRoot + "/admin/storage/orphan-scan carries out those due at once; GET "
                    + apiRoot + "/admin/storage/deletions lists them)");
        }
        if (holders.deadLetters() > 0) {
            held.add(holders.deadLetters() + (holders.deadLetters() == 1 ? " deletion" : " deletions")
                    + " kept failing and " + (holders.deadLetters() == 1 ? "is" : "are") + " parked as dead "
                    + (holders.deadLetters() == 1 ? "letter" : "letters") + " (GET " + apiRoot
                    + "/admin/storage/dead-letters; retry once the store accepts)");
        }
        if (holders.directUploads() > 0) {
            held.add(holders.directUploads() + (holders.directUploads() == 1 ? " direct upload" : " direct uploads")
                    + " through it " + (holders.directUploads() == 1 ? "is" : "are") + " open until "
                    + seconds(holders.uploadsOpenUntil()) + " (the orphan scan removes them after that)");
        }
        return "The storage connection is in use: " + String.join("; ", held);
    }

    private static String owedWhy(ConnectionHolders holders) {
        List<String> why = new ArrayList<>();
        if (holders.retiredOwed() > 0) {
            why.add(holders.retiredOwed() + " of deleted media");
        }
        if (holders.stagedOwed() > 0) {
            why.add(holders.stagedOwed() + " staged and never recorded");
        }
        return String.join(", ", why);
    }

    /** To the second, rounded up: a deletion is not due before the time named. */
    private static Instant seconds(Instant at) {
        Instant whole = at.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(at) ? whole : whole.plusSeconds(1);
    }
}
