package app.arv.web.json;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A query parameter that must be a whole number from {@link #min} to {@link #max}, held as text and read here. Declared as
 * an {@code int}, JAX-RS converts it before any validation, and a value it cannot convert ({@code ?limit=abc},
 * {@code ?limit=1.5}) is a 404 by the specification's rule for query parameters: the client was told the listing does not
 * exist. Read here, such a value is refused like one out of range, a 400 naming the parameter. Absent is fine (the reader
 * decides its default); present but empty ({@code ?limit=}) is not a number.
 */
@Documented
@Constraint(validatedBy = WholeNumberParam.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumberParam {

    String message() default "must be a whole number from {min} to {max}";

    int min() default 0;

    int max() default Integer.MAX_VALUE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WholeNumberParam, String> {

        /** Decimal digits only: no sign, point, exponent or spaces; eleven digits already pass every int. */
        private static final Pattern DIGITS = Pattern.compile("[0-9]{1,11}");

        private int min;
        private int max;

        @Override
        public void initialize(WholeNumberParam bounds) {
            min = bounds.min();
            max = bounds.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || read(value, min, max).isPresent();
        }

        /** {@code value} as a whole number within the bounds, or empty when it is not one. */
        public static OptionalInt read(String value, int min, int max) {
            if (value == null || !DIGITS.matcher(value).matches()) {
                return OptionalInt.empty();
            }
            long number = Long.parseLong(value);
            return number < min || number > max ? OptionalInt.empty() : OptionalInt.of((int) number);
        }
    }
}
