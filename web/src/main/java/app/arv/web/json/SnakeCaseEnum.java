package app.arv.web.json;

import app.arv.shared.WireName;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum as the API names it: the constant in snake_case ({@code ITEM_COMPLETED} is
 * {@code item_completed}), for any enum — the services' one rule, {@link WireName}, so a JSON answer and an event or
 * webhook payload name a constant alike. Bound per property ({@code @JsonbTypeSerializer(SnakeCaseEnum.class)},
 * {@code @JsonbTypeDeserializer(SnakeCaseEnum.class)}), not for every enum in {@link JsonbConfiguration}:
 * roles, API key scopes and storage providers are written in capitals, and stay so. Input is read in any case
 * ({@link Locale#ROOT}): {@code HD}, {@code hd} and {@code Hd} are one constant, so a capitals enum's request field binds
 * this deserializer too ({@code member} and {@code MEMBER} are one role), while its answers keep their capitals. An unknown
 * name is refused ({@link InputRefused}), a field error naming the member. Request fields that are checked with other
 * constraints take text and {@link SnakeCaseOf} instead.
 */
public final class SnakeCaseEnum implements JsonbSerializer<Enum<?>>, JsonbDeserializer<Enum<?>> {

    /** The API's name of a constant: its {@link WireName}, as the services write it in payloads and events. */
    public static String name(Enum<?> value) {
        return WireName.of(value);
    }

    /** The constant the API calls {@code name}, in any case; empty for anything else (spaces, unknown). */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return WireName.parse(type, name);
    }

    /** Whether {@code name} is the API's name of {@code constant}, in any case. */
    static boolean named(Enum<?> constant, String name) {
        return WireName.named(constant, name);
    }

    /** The API's names of all constants of an enum, for messages. */
    public static String names(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> name((Enum<?>) c)).collect(Collectors.joining(", "));
    }

    @Override
    public void serialize(Enum<?> value, JsonGenerator generator, SerializationContext context) {
        generator.write(name(value));
    }

    @Override
    public Enum<?> deserialize(JsonParser parser, DeserializationContext context, Type type) {
        Class<?> enumType = (Class<?>) type;
        JsonValue given = parser.getValue();
        if (given.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String name = given instanceof JsonString text ? text.getString() : null;
        return Arrays.stream(enumType.getEnumConstants()).map(c -> (Enum<?>) c).filter(c -> named(c, name)).findFirst()
                .orElseThrow(() -> new InputRefused("must be one of " + names(enumType) + " (any case)"));
    }
}
