package app.arv.web.json;

import jakarta.json.bind.JsonbException;

/**
 * A member of a JSON body that is JSON, but not of the kind its field takes ({@link StrictBoolean}, {@link WholeNumber},
 * {@link SnakeCaseEnum}): the message says what the field takes, for the client, and the problem mappers name the field
 * (JSON-B wraps this in its own exception naming the property).
 */
public final class InputRefused extends JsonbException {

    public InputRefused(String message) {
        super(message);
    }
}
