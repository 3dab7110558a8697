package app.arv.web.json;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Optional;

/**
 * Every string ARV reads from JSON is text a person could type: control characters (other than tab
 * and line breaks) and unpaired surrogates are refused at the edge. They have no business in a name
 * or a description; NUL and lone surrogates cannot even be stored by PostgreSQL (the insert fails),
 * and escape sequences would reach terminals through the logs. Query parameters are held to the same
 * rule by {@link PlainTextParam}, multipart fields by the media package's multipart reader.
 */
public final class PlainText implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
        // An explicit null reaches this deserializer too (it clears a field of a merge patch); getString() refuses it.
        JsonValue given = parser.getValue();
        if (given.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String value = given instanceof JsonString text ? text.getString() : parser.getString();
        requirePlain(value);
        return value;
    }

    static void requirePlain(String value) {
        fault(value).ifPresent(fault -> {
            throw new Refused(fault);
        });
    }

    /** What makes the text unplain, said for the client; empty if a person could have typed it. */
    public static Optional<String> fault(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return Optional.of(String.format(Locale.ROOT, "Text may not contain the control character U+%04X", (int) c));
            }
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return Optional.of("Text may not contain an unpaired surrogate (not valid Unicode)");
            }
        }
        return Optional.empty();
    }

    /** A body that is JSON, but carries text ARV does not take. */
    public static final class Refused extends JsonbException {
        public Refused(String message) {
            super(message);
        }
    }
}
