package app.arv.identity;

import app.arv.platform.health.StartupWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A node has not started before the platform admin exists ({@link PlatformAdminBootstrap}): the startup check waits for it. */
@ApplicationScoped
public class PlatformAdminStartup implements StartupWork {

    @Inject
    PlatformAdminBootstrap bootstrap;

    @Override
    public String name() {
        return "platform_admin";
    }

    @Override
    public boolean isDone() { return bootstrap.isDone(); }

    @Override
    public String pendingReason() {
        return "platform admin not created yet";
    }
}
