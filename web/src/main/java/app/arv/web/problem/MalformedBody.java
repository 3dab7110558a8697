package app.arv.web.problem;

import app.arv.shared.Causes;
import app.arv.web.json.InputRefused;
import app.arv.web.json.PlainText;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.NoContentException;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body that is absent, not the JSON it claims to be, or JSON with a member this endpoint does not take in
 * that form. The last is a field error like Bean Validation's (400 {@code validation_failed}, the member named in
 * {@code errors[].field}, {@code admin.email} when nested): JSON-B names the member only in its messages, so they are
 * read here — the property it could not read ({@code Unable to deserialize property 'x' because of: …}, one per level)
 * and the member no field takes ({@code Json property x can not be mapped to a class …}), as Yasson 3 words them
 * (MalformedBodyTest holds the wording to the version Payara ships).
 */
final class MalformedBody {

    private static final Pattern PROPERTY = Pattern.compile("^Unable to deserialize property '(.*?)' because of: ", Pattern.DOTALL);
    private static final Pattern UNKNOWN = Pattern.compile("^Json property (.*) can not be mapped to a class ", Pattern.DOTALL);

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

    /**
     * Text ARV refuses to read ({@link PlainText}) is named as such (with the member, when JSON-B named it), a member of
     * the wrong kind or one the endpoint does not have is a field error, anything else is malformed JSON.
     */
    static Problem problem(Throwable failure) {
        Optional<Problem.FieldError> error = fieldError(failure);
        Optional<PlainText.Refused> refused = Causes.find(failure, PlainText.Refused.class);
        if (refused.isPresent()) {
            Problem problem = Problem.of(422, "invalid_text", refused.get().getMessage());
            return error.map(e -> problem.withErrors(List.of(e))).orElse(problem);
        }
        return error.map(e -> Problem.of(400, "validation_failed", "1 field is invalid").withErrors(List.of(e)))
                .orElseGet(() -> Problem.of(400, "malformed_body", "The request body is not valid JSON for this endpoint"));
    }

    /** The member JSON-B could not read and why, as the client named it; empty when JSON-B named none. */
    static Optional<Problem.FieldError> fieldError(Throwable failure) {
        List<JsonbException> chain = Causes.of(failure).filter(JsonbException.class::isInstance).map(JsonbException.class::cast).toList();
        StringBuilder path = new StringBuilder();
        for (JsonbException level : chain) {
            Matcher unknown = UNKNOWN.matcher(String.valueOf(level.getMessage()));
            if (unknown.find()) {
                return Optional.of(new Problem.FieldError(joined(path, unknown.group(1)), "is not a member of this request"));
            }
            Matcher property = PROPERTY.matcher(String.valueOf(level.getMessage()));
            if (property.find()) {
                path.append(path.isEmpty() ? "" : ".").append(property.group(1));
            }
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem.FieldError(path.toString(), reason(failure)));
    }

    private static String joined(StringBuilder path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    /** What the member should have been: the refusal's own words, or the kind of value JSON-B failed to read. */
    private static String reason(Throwable failure) {
        Optional<InputRefused> refused = Causes.find(failure, InputRefused.class);
        if (refused.isPresent()) {
            return refused.get().getMessage();
        }
        Optional<PlainText.Refused> text = Causes.find(failure, PlainText.Refused.class);
        if (text.isPresent()) {
            return text.get().getMessage();
        }
        if (Causes.find(failure, DateTimeParseException.class).isPresent()) {
            return "must be an ISO-8601 instant such as 2026-12-31T23:59:59Z";
        }
        return "is not a value of the kind this field takes";
    }
}
