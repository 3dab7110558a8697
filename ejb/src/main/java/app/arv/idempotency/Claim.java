package app.arv.idempotency;

import java.util.UUID;

/** What a request learns when it presents its key. */
public sealed interface Claim {

    /** The key is this request's: do the work, then {@link IdempotencyKeys#complete} or {@link IdempotencyKeys#release}. */
    record Granted(UUID recordId) implements Claim {
    }

    /** An earlier request with this key has answered. */
    record Answered(StoredAnswer answer) implements Claim {
    }

    /** An earlier request with this key is still working. */
    record Pending(String requestLine) implements Claim {
    }
}
