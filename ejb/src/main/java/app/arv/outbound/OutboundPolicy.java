package app.arv.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/** The installation's outbound guard: {@code arv.outbound.allowed-hosts} ({@link AllowedHosts} lists the forms). */
@ApplicationScoped
public class OutboundPolicy {

    /** Comma-separated (read as one string: Payara's config producer cannot make an {@code Optional<List<String>>}). */
    @Inject
    @ConfigProperty(name = "arv.outbound.allowed-hosts")
    Optional<String> allowedHosts;

    private OutboundGuard guard;

    @PostConstruct
    void init() {
        guard = new OutboundGuard(new AllowedHosts(allowedHosts.map(list -> List.of(list.split(","))).orElse(List.of())));
    }

    public OutboundGuard guard() {
        return guard;
    }
}
