package app.arv.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /** Only IP literals are taken from the header: a host name there would cost a DNS lookup per request. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Cidr> proxies;

    /** A plain string, split here: Payara's config producer cannot inject {@code Optional<List<String>>}. */
    @Inject
    public TrustedProxies(@ConfigProperty(name = "arv.trusted-proxies") Optional<String> cidrs) {
        this.proxies = Arrays.stream(cidrs.orElse("").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Cidr::parse).toList();
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
            Optional<InetAddress> hop = literal(hops.get(i));
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

    private boolean isProxy(String address) {
        Optional<InetAddress> parsed = literal(address);
        return parsed.isPresent() && proxies.stream().anyMatch(cidr -> cidr.contains(parsed.get()));
    }

    static Optional<InetAddress> literal(String text) {
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address block such as {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress parsed = literal(address)
                    .orElseThrow(() -> new IllegalArgumentException("arv.trusted-proxies: not an IP address or CIDR: " + text));
            byte[] bytes = parsed.getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("arv.trusted-proxies: bad prefix length in " + text);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
