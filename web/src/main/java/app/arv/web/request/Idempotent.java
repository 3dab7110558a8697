package app.arv.web.request;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that honours {@code Idempotency-Key}: a repeated request with the same key gets
 * the first answer instead of doing the work again ({@link IdempotencyFilter}; rules in
 * {@link app.arv.idempotency}). For methods that create something.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {
}
