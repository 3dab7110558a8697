package app.arv.protection;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Refuses to deploy with a request limit that cannot work ({@link RateLimitRules#check}): the limits are read at the
 * first request, where a limit of 0 answered every request — sign-in included — with a 500 while readiness said UP.
 */
@Singleton
@Startup
public class LimitsAtStartup {

    @Inject
    RateLimitRules rules;

    @PostConstruct
    void check() {
        rules.check();
    }
}
