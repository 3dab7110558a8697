package app.arv.web.problem;

import app.arv.web.json.PlainText;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.NoContentException;

/** A request body that is absent, or not the JSON it claims to be. */
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

    /** JAX-RS signals an absent body with {@link NoContentException}. */
    static boolean missing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoContentException) {
                return true;
            }
        }
        return false;
    }

    static Problem missingProblem() {
        return Problem.of(400, "missing_body", "This endpoint needs a JSON request body");
    }

    /** Text ARV refuses to read ({@link PlainText}) is named as such; anything else is malformed JSON. */
    static Problem problem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PlainText.Refused refused) {
                return Problem.of(422, "invalid_text", refused.getMessage());
            }
        }
        return Problem.of(400, "malformed_body", "The request body is not valid JSON for this endpoint");
    }
}
