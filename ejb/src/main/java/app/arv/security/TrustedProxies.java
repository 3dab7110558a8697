package app.arv.security;

import app.arv.shared.Cidr;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is when ARV runs behind reverse proxies ({@code arv.trusted-proxies}, CIDRs). The
 * socket address is the client unless it belongs to a trusted proxy; then {@code X-Forwarded-For} is
 * read from its right end — each hop appended by a trusted proxy is believed, and the first address
 * that is not a trusted proxy is the client. Anything left of it was written by the client itself and
 * is ignored, so a client cannot pick its own address (and its own rate-limit bucket) by sending the
 * header. With no trusted proxies configured the header is never read.
 */
@ApplicationScoped
public class TrustedProxies {

    private final List<Cidr> proxies;

    /** A plain string, split here: Payara's config producer cannot inject {@code Optional<List<String>>}. */
    @Inject
    public TrustedProxies(@ConfigProperty(name = "arv.trusted-proxies") Optional<String> cidrs) {
        this.proxies = Arrays.stream(cidrs.orElse("").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(TrustedProxies::proxy).toList();
    }

    protected TrustedProxies() {
        this.proxies = List.of();
    }

    /**
     * @param socketAddress the peer of the TCP connection
     * @param forwardedFor every {@code X-Forwarded-For} header value in arrival order (may be empty)
     * @return the client's address
     */
    public String clientOf(String socketAddress, List<String> forwardedFor) {
        String client = socketAddress;
        if (proxies.isEmpty() || !isProxy(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(hops::add);
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            // Only IP literals are taken from the header: a host name there would cost a DNS lookup per request.
            Optional<InetAddress> hop = Cidr.literal(hops.get(i));
            if (hop.isEmpty()) {
                // A garbled entry ends what can be believed; the last trusted hop is the best we know.
                return client;
            }
            client = hop.get().getHostAddress();
            if (!isProxy(client)) {
                return client;
            }
        }
        return client;
    }

    private static Cidr proxy(String text) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("arv.trusted-proxies: " + e.getMessage(), e);
        }
    }

    private boolean isProxy(String address) {
        Optional<InetAddress> parsed = Cidr.literal(address);
        return parsed.isPresent() && proxies.stream().anyMatch(cidr -> cidr.contains(parsed.get()));
    }
}
