package app.arv.idempotency;

import java.util.Arrays;
import java.util.Set;

/** The first answer to a key: what its duplicates get, as long as they are the same request. */
public record StoredAnswer(String requestLine, byte[] bodySha256, int status, String contentType, String location,
        byte[] body) {

    /**
     * The 422 refusals of the idempotent endpoints that depend on nothing but the request: the same request is refused
     * the same way tomorrow. Other 422s depend on what the server has or is told, and an operator may change that —
     * {@code endpoint_not_allowed} (a storage connection against the outbound allow-list), {@code unknown_provider}
     * (the configured providers), {@code image_too_large} and {@code unsupported_file_type} (configured limits and
     * types), {@code not_a_library_image} and {@code not_an_image} (stored media): a retry with the same key must be
     * judged again, not replayed for a day. Only listed codes are kept, so a new code is retried until it is listed.
     */
    static final Set<String> REQUEST_ONLY_REFUSALS = Set.of("invalid_text", "no_files", "missing_image",
            "invalid_project_id", "malformed_field", "invalid_face_limit", "empty_file", "image_corrupt", "image_refused");

    public boolean answers(String otherRequestLine, byte[] otherBodySha256) {
        return requestLine.equals(otherRequestLine) && Arrays.equals(bodySha256, otherBodySha256);
    }

    /**
     * Answers worth replaying: successes, and refusals that depend on nothing but the request itself (400 and 415 do;
     * a 422 does when its problem {@code code} is one of {@link #REQUEST_ONLY_REFUSALS}).
     *
     * @param code the problem's code, {@code null} when the answer is no problem
     */
    public static boolean keeps(int status, String code) {
        return (status >= 200 && status < 300) || status == 400 || status == 415
                || status == 422 && code != null && REQUEST_ONLY_REFUSALS.contains(code);
    }
}
