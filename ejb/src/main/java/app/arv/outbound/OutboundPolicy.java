package app.arv.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The installation's outbound guards: one for what the operator configures or trusts with the installation's
 * allow-list ({@code arv.outbound.allowed-hosts}: private stores, identity and AI providers), and one for tenants'
 * webhooks with an allow-list of its own ({@code arv.webhook.allowed-hosts}, empty by default). A webhook's URL is any
 * tenant's choice, and a listed host skips the address checks and may use plain http: the stores' list must not let
 * every tenant post to (and read answers from) the operator's internal hosts. {@link AllowedHosts} lists the forms.
 */
@ApplicationScoped
public class OutboundPolicy {

    /** Comma-separated (read as one string: Payara's config producer cannot make an {@code Optional<List<String>>}). */
    @Inject
    @ConfigProperty(name = "arv.outbound.allowed-hosts")
    Optional<String> allowedHosts;

    /** Comma-separated, as {@link #allowedHosts}. */
    @Inject
    @ConfigProperty(name = "arv.webhook.allowed-hosts")
    Optional<String> webhookAllowedHosts;

    private OutboundGuard guard;
    private OutboundGuard webhookGuard;

    /** For the container: {@link #init} reads the configuration. */
    public OutboundPolicy() {
    }

    /** Both guards from these lists (comma-separated, empty for none), resolving names with {@code resolver}. */
    public OutboundPolicy(String allowedHosts, String webhookAllowedHosts, OutboundGuard.Resolver resolver) {
        guard = new OutboundGuard(listed(Optional.of(allowedHosts)), resolver);
        webhookGuard = new OutboundGuard(listed(Optional.of(webhookAllowedHosts)), resolver);
    }

    @PostConstruct
    void init() {
        guard = new OutboundGuard(listed(allowedHosts), InetAddress::getAllByName);
        webhookGuard = new OutboundGuard(listed(webhookAllowedHosts), InetAddress::getAllByName);
    }

    /** For what the operator configures: storage endpoints, identity providers. */
    public OutboundGuard guard() {
        return guard;
    }

    /** For tenants' webhooks: the installation's allow-list does not apply, only {@code arv.webhook.allowed-hosts}. */
    public OutboundGuard webhookGuard() {
        return webhookGuard;
    }

    private static AllowedHosts listed(Optional<String> list) {
        return new AllowedHosts(list.map(entries -> List.of(entries.split(","))).orElse(List.of()));
    }
}
