package app.arv.web.problem;

import app.arv.shared.Causes;
import app.arv.web.json.PlainText;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.NoContentException;

/** A request body that is absent, or not the JSON it claims to be. */
final class MalformedBody {

    private MalformedBody() {
    }

    static boolean causedBy(Throwable failure) {
        return Causes.of(failure).anyMatch(t -> t instanceof JsonbException || t instanceof JsonException);
    }

    /** JAX-RS signals an absent body with {@link NoContentException}. */
    static boolean missing(Throwable failure) {
        return Causes.find(failure, NoContentException.class).isPresent();
    }

    static Problem missingProblem() {
        return Problem.of(400, "missing_body", "This endpoint needs a JSON request body");
    }

    /** Text ARV refuses to read ({@link PlainText}) is named as such; anything else is malformed JSON. */
    static Problem problem(Throwable failure) {
        return Causes.find(failure, PlainText.Refused.class).map(refused -> Problem.of(422, "invalid_text", refused.getMessage()))
                .orElseGet(() -> Problem.of(400, "malformed_body", "The request body is not valid JSON for this endpoint"));
    }
}
