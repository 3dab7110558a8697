package app.arv.web.protection;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which limit an endpoint's requests count against (method over class). Without it: the caller's
 * {@link Policy#STANDARD} limit — and {@link Policy#UPLOAD} as well for a method consuming
 * {@code multipart/form-data}, the way files arrive.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimit {

    Policy value();

    enum Policy {
        /** Per credential at its organization's limits, per client address when anonymous. */
        STANDARD,
        /** {@link #STANDARD}, and the smaller per-credential upload limit on top. */
        UPLOAD,
        /** The public viewer's own limit, per client address. */
        VIEWER,
        /**
         * A file a viewer's manifest pointed to (its marker, its overlay): part of a view the manifest counted already, so
         * one that is served does not count (a phone asks for a video piece by piece, and again on every loop); refused
         * only once the address's viewer limit is spent. A miss (404, 410) counts: an address walking through unique ids
         * is what the limit slows.
         */
        VIEWER_FILE,
        /** Not counted here: the endpoint has a throttle of its own (sign-in). */
        EXEMPT
    }
}
