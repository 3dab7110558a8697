package app.arv.web.security;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A response that carries a credential (an access token, an API key's secret): sent with
 * {@code Cache-Control: no-store} by {@link NoStoreFilter}, so no browser, proxy or CDN keeps a copy.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NoStore {
}
