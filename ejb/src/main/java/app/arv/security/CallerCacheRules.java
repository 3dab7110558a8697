package app.arv.security;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How long {@link CallerCache} may keep a resolved credential, and how many it keeps.
 *
 * @param ttl the safety net only: changes reach every node's cache at once through Redis; this bounds what a
 *        lost message could leave behind. Zero turns caching off (every request reads the database).
 */
@Dependent
public record CallerCacheRules(
        @ConfigProperty(name = "arv.auth.cache-ttl", defaultValue = "PT30S") Duration ttl,
        @ConfigProperty(name = "arv.auth.cache-max-entries", defaultValue = "10000") int maxEntries) {

    @Inject
    public CallerCacheRules {
    }
}
