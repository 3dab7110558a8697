package app.arv.web.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;

/** A request body that is not the JSON it claims to be. */
final class MalformedBody {

    private MalformedBody() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return true;
            }
        }
        return false;
    }

    static Problem problem() {
        return Problem.of(400, "malformed_body", "The request body is not valid JSON for this endpoint");
    }
}
