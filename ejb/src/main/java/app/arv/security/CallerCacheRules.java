package app.arv.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** How long {@link CallerCache} may keep a resolved credential, and how many it keeps. */
@ApplicationScoped
public class CallerCacheRules {

    /**
     * The safety net only: changes reach every node's cache at once through Redis; this bounds what a
     * lost message could leave behind. Zero turns caching off (every request reads the database).
     */
    @Inject
    @ConfigProperty(name = "arv.auth.cache-ttl", defaultValue = "PT30S")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "arv.auth.cache-max-entries", defaultValue = "10000")
    int maxEntries;

    public CallerCacheRules() {
    }

    CallerCacheRules(Duration ttl, int maxEntries) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    public Duration ttl() {
        return ttl;
    }

    public int maxEntries() {
        return maxEntries;
    }
}
