package app.arv.web.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * A whole-number member of a JSON body is a JSON number written without fraction or exponent and within its Java
 * type's range (or {@code null}, where the field may be absent), nothing else: JSON-B's own reading cut {@code 1.9} to
 * 1, read {@code "3"} as 3, and wrapped a number past the range ({@code 4294967897} became 601,
 * {@code 9223372036854775808} negative) before any bound was checked. Anything else is refused ({@link InputRefused});
 * the field's own bounds stay with its Bean Validation constraints. Bound to {@code Integer} and {@code Long} only:
 * JSON-B consults no deserializer for a primitive, so request fields are boxed (the source conventions hold them to it).
 */
public final class WholeNumber {

    private WholeNumber() {
    }

    /** {@code given} as a whole number from {@code min} to {@code max}; refused otherwise. */
    static BigInteger read(JsonValue given, long min, long max) {
        if (given instanceof JsonNumber number && number.isIntegral()) {
            BigInteger value = number.bigIntegerValueExact();
            if (value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0) {
                return value;
            }
        }
        throw new InputRefused("must be a whole number from " + min + " to " + max + " (a JSON number without fraction or exponent)");
    }

    /** The member at {@code parser}: {@code null} stays null, anything else is {@link #read} and narrowed by {@code exact}. */
    private static <T> T member(JsonParser parser, long min, long max, Function<BigInteger, T> exact) {
        JsonValue given = parser.getValue();
        return given.getValueType() == JsonValue.ValueType.NULL ? null : exact.apply(read(given, min, max));
    }

    /** An {@code Integer} member. */
    public static final class OfInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return member(parser, Integer.MIN_VALUE, Integer.MAX_VALUE, BigInteger::intValueExact);
        }
    }

    /** A {@code Long} member. */
    public static final class OfLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return member(parser, Long.MIN_VALUE, Long.MAX_VALUE, BigInteger::longValueExact);
        }
    }
}
