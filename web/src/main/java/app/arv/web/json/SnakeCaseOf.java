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
import java.util.Arrays;

/**
 * Text that must be the API's name of one of the enum's constants ({@link SnakeCaseEnum}), in any case, or absent:
 * the allowed values come from the enum itself, and a wrong one is a field error like any other.
 */
@Documented
@Constraint(validatedBy = SnakeCaseOf.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface SnakeCaseOf {

    @SuppressWarnings("rawtypes")
    Class<? extends Enum> value();

    String message() default "must be one of the allowed values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the text against the enum's constants. */
    class Check implements ConstraintValidator<SnakeCaseOf, String> {

        private Class<?> type;

        @Override
        public void initialize(SnakeCaseOf constraint) {
            type = constraint.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Arrays.stream(type.getEnumConstants()).anyMatch(c -> SnakeCaseEnum.named((Enum<?>) c, value))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + SnakeCaseEnum.names(type)).addConstraintViolation();
            return false;
        }
    }
}
