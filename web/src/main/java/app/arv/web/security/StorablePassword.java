package app.arv.web.security;

import app.arv.security.PasswordHasher;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A new password ARV can keep whole: at most {@link PasswordHasher#MAX_BYTES} bytes in UTF-8
 * (bcrypt's limit; characters are not bytes, so {@code @Size} can't say it). On every field that
 * sets a password; sign-in does not use it (a too-long password there is just a wrong one).
 */
@Constraint(validatedBy = StorablePassword.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface StorablePassword {

    String message() default "must be at most " + PasswordHasher.MAX_BYTES + " bytes in UTF-8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<StorablePassword, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || PasswordHasher.fits(password);
        }
    }
}
