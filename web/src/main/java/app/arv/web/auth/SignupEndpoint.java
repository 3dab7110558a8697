package app.arv.web.auth;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint of self-service sign-up. While ARV_SIGNUP_ENABLED is off, {@link SignupSwitch} answers 404
 * signup_disabled before the body is read or validated: a switched-off installation gives every request the same
 * answer, a malformed one included, rather than describing the form it does not offer.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignupEndpoint {
}
