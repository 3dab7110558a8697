package app.arv.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Refuses to deploy with a setting that cannot work and that no timer or worker reads at its own start: the public
 * address, read only when a link is made. A malformed one would otherwise fail each link later — and with it the
 * transaction that wanted to mail a notification (a compile chunk, an upload reaching its quota).
 */
@Singleton
@Startup
public class SettingsAtStartup {

    @Inject
    PublicAddress publicAddress;

    @PostConstruct
    void check() {
        publicAddress.url();
    }
}
