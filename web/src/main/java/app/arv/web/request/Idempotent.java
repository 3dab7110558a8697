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

    /** What a {@link #secretInAnswer} method's description says of {@code Idempotency-Key}. */
    String SECRET_IN_ANSWER = "Idempotency-Key: a duplicate creates nothing more and, as the secret is not kept, answers 409 "
            + "idempotency_key_answered with the Location of what the first created";

    /**
     * The success answer shows a secret once (an API key, a webhook's signing secret): it is not kept (the idempotency
     * record is plain data in the database for a day, where an API key is otherwise only a hash and a signing secret
     * encrypted), so a duplicate of a success is refused with 409 {@code idempotency_key_answered} and the created
     * resource's {@code Location}, and creates nothing.
     */
    boolean secretInAnswer() default false;
}
