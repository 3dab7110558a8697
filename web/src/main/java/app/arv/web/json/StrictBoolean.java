package app.arv.web.json;

import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * A yes/no member of a JSON body is JSON {@code true} or {@code false} (or {@code null}, where the field may be absent),
 * nothing else: JSON-B's own reading made {@code "yes"}, {@code "true"} and {@code 1} all {@code false}, so
 * {@code {"published": 1}} quietly took a viewer offline. Anything else is refused ({@link InputRefused}). Bound to
 * {@code Boolean} only: JSON-B consults no deserializer for a primitive {@code boolean}, so request fields are
 * {@code Boolean} (the source conventions hold them to it).
 */
public final class StrictBoolean implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue given = parser.getValue();
        return switch (given.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> throw new InputRefused("must be true or false (JSON booleans, not text or numbers)");
        };
    }
}
