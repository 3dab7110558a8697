package app.arv.web.json;

import jakarta.annotation.Priority;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Asks for the JSON-B context once, alone, before the first request reaches anything that reads or writes JSON.
 * Payara's own resolver ({@code org.glassfish.weld.JaxRSJsonContextResolver}) instantiates the application's
 * resolvers ({@link JsonbConfiguration}) on its first use, without a lock: concurrent first JSON responses after a
 * deployment have failed with a 500 (a {@code ConcurrentModificationException} in {@code instantiateResolverClasses}).
 * Once done, this costs a request one volatile read; on a server without that flaw it changes nothing.
 */
@Provider
@PreMatching
@Priority(1)
public class FirstJsonResolution implements ContainerRequestFilter {

    @Context
    Providers providers;

    private final Object lock = new Object();
    private volatile boolean resolved;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!resolved) {
            resolveOnce();
        }
    }

    private void resolveOnce() {
        synchronized (lock) {
            if (!resolved) {
                ContextResolver<Jsonb> resolver = providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE);
                if (resolver != null) {
                    resolver.getContext(Object.class);
                }
                resolved = true;
            }
        }
    }
}
