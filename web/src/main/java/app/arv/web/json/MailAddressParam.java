package app.arv.web.json;

import app.arv.mail.MailAddress;
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
 * An address ARV will mail, by {@link MailAddress}'s rule: on every field that creates an account, an invitation or
 * anything else somebody is mailed at, so an address the outbox would refuse is a 400 here instead. Fields that only
 * look an address up (sign-in, a reset request) keep {@code @Email}: an account created before this rule must still
 * sign in. Absent is fine.
 */
@Documented
@Constraint(validatedBy = MailAddressParam.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MailAddressParam {

    String message() default "must be an e-mail address ARV can send mail to";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<MailAddressParam, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || MailAddress.of(value).isPresent();
        }
    }
}
