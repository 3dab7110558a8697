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
 * allow-list ({@code arv.outbound.allowed-hosts}: identity and AI providers), and one each for what tenants choose,
 * with an allow-list of its own (empty by default): organizations' storage connections ({@code arv.storage.allowed-hosts})
 * and webhooks ({@code arv.webhook.allowed-hosts}). A tenant's URL is any org admin's choice (anyone's, with sign-up
 * open), and a listed host skips the address checks and may use plain http: the operator's list must not let every
 * tenant reach (and, through a probe's step errors, scan) the operator's internal hosts. {@link AllowedHosts} lists
 * the forms.
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

    /** Comma-separated, as {@link #allowedHosts}. */
    @Inject
    @ConfigProperty(name = "arv.storage.allowed-hosts")
    Optional<String> storageAllowedHosts;

    private OutboundGuard guard;
    private OutboundGuard webhookGuard;
    private OutboundGuard storageGuard;

    /** For the container: {@link #init} reads the configuration. */
    public OutboundPolicy() {
    }

    /** The guards from these lists (comma-separated, empty for none; no storage list), resolving names with {@code resolver}. */
    public OutboundPolicy(String allowedHosts, String webhookAllowedHosts, OutboundGuard.Resolver resolver) {
        this(allowedHosts, webhookAllowedHosts, "", resolver);
    }

    /** The guards from these lists (comma-separated, empty for none), resolving names with {@code resolver}. */
    public OutboundPolicy(String allowedHosts, String webhookAllowedHosts, String storageAllowedHosts,
            OutboundGuard.Resolver resolver) {
        guard = new OutboundGuard(listed(Optional.of(allowedHosts)), resolver);
        webhookGuard = new OutboundGuard(listed(Optional.of(webhookAllowedHosts)), resolver);
        storageGuard = new OutboundGuard(listed(Optional.of(storageAllowedHosts)), resolver);
    }

    @PostConstruct
    void init() {
        guard = new OutboundGuard(listed(allowedHosts), InetAddress::getAllByName);
        webhookGuard = new OutboundGuard(listed(webhookAllowedHosts), InetAddress::getAllByName);
        storageGuard = new OutboundGuard(listed(storageAllowedHosts), InetAddress::getAllByName);
    }

    /** For what the operator configures: identity providers (not tenants' storage connections: {@link #storageGuard}). */
    public OutboundGuard guard() {
        return guard;
    }

    /** For tenants' webhooks: the installation's allow-list does not apply, only {@code arv.webhook.allowed-hosts}. */
    public OutboundGuard webhookGuard() {
        return webhookGuard;
    }

    /**
     * For organizations' storage connections: the installation's allow-list does not apply, only
     * {@code arv.storage.allowed-hosts}.
     */
    public OutboundGuard storageGuard() {
        return storageGuard;
    }

    private static AllowedHosts listed(Optional<String> list) {
        return new AllowedHosts(list.map(entries -> List.of(entries.split(","))).orElse(List.of()));
    }
}
