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

/**
 * Text from a query parameter that must be what a person could type, by {@link PlainText}'s rule: JSON bodies are
 * checked while they are read, but a parameter never passes through JSON-B, and a NUL in it would otherwise reach
 * PostgreSQL (which refuses it with an error, a 500 for the client). Absent is fine.
 */
@Documented
@Constraint(validatedBy = PlainTextParam.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainTextParam {

    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Names what is wrong with the text, as the JSON refusal does. */
    class Check implements ConstraintValidator<PlainTextParam, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PlainText.fault(value).map(fault -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(fault).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
