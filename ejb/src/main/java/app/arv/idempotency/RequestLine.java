package app.arv.idempotency;

import app.arv.persistence.idempotency.IdempotencyRecord;
import app.arv.shared.Sha256;

/**
 * A request line as a key's record keeps it and duplicates are compared with it. Most lines are kept as they are
 * (an operator can read them); a line longer than the column (a query string of kilobytes) is kept as its SHA-256
 * followed by as much of its start as fits. Two lines are the same exactly when their stored forms are: a digest
 * form starts with {@code sha256:}, which no line does (a line starts with the resource's HTTP method).
 */
public final class RequestLine {

    private static final String DIGEST = "sha256:";

    private RequestLine() {
    }

    public static String stored(String line) {
        if (line.length() <= IdempotencyRecord.MAX_REQUEST_LINE) {
            return line;
        }
        String digest = DIGEST + Sha256.hex(line) + " ";
        return digest + line.substring(0, IdempotencyRecord.MAX_REQUEST_LINE - digest.length());
    }
}
