package app.arv.idempotency;

import java.util.Arrays;

/** The first answer to a key: what its duplicates get, as long as they are the same request. */
public record StoredAnswer(String requestLine, byte[] bodySha256, int status, String contentType, String location,
        byte[] body) {

    public boolean answers(String otherRequestLine, byte[] otherBodySha256) {
        return requestLine.equals(otherRequestLine) && Arrays.equals(bodySha256, otherBodySha256);
    }

    /** Answers worth replaying: successes, and refusals that depend on nothing but the request itself. */
    public static boolean keeps(int status) {
        return (status >= 200 && status < 300) || status == 400 || status == 415 || status == 422;
    }
}
