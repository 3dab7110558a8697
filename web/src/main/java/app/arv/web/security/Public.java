package app.arv.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint anyone may call without credentials.
 *
 * <p>ARV's own annotations rather than {@code @PermitAll}/{@code @RolesAllowed}: Payara turns those,
 * on JAX-RS resources, into container security that answers 401 with a BASIC challenge and an HTML
 * page before our credentials are even looked at (payara/Payara#2326, #2841).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {
}
