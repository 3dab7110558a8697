package app.arv.web.json;

import jakarta.json.bind.JsonbException;
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
 * {@code item_completed}), for any enum. Bound per property ({@code @JsonbTypeSerializer(SnakeCaseEnum.class)},
 * {@code @JsonbTypeDeserializer(SnakeCaseEnum.class)}), not for every enum in {@link JsonbConfiguration}:
 * roles, API key scopes and storage providers are spoken in capitals, and stay so. Request fields that
 * must answer a bad value with a field error take text and {@link SnakeCaseOf} instead.
 */
public final class SnakeCaseEnum implements JsonbSerializer<Enum<?>>, JsonbDeserializer<Enum<?>> {

    /** The API's name of a constant. */
    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant the API calls {@code name}; empty for anything else (other case, spaces, unknown). */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> name(c).equals(name)).findFirst();
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
        String name = parser.getString();
        Class<?> enumType = (Class<?>) type;
        return Arrays.stream(enumType.getEnumConstants()).map(c -> (Enum<?>) c).filter(c -> name(c).equals(name)).findFirst()
                .orElseThrow(() -> new JsonbException("'" + name + "' is not one of " + names(enumType)));
    }
}
