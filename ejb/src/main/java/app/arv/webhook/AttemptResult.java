package app.arv.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * What one attempt got: the receiver's HTTP status and the start of its answer, or (no answer) why not.
 *
 * @param httpStatus null when no answer came: refused, timed out, an address the guard does not allow
 */
public record AttemptResult(Instant at, Duration took, Integer httpStatus, String responseExcerpt, String error) {

    /** A 2xx answer: the receiver has the event. Anything else (a redirect too — none is followed) is retried. */
    public boolean delivered() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }
}
