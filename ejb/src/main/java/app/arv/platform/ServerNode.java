package app.arv.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The name of this server process among the nodes that share one database, Redis and broker. Work
 * records it (which node made a model), and operators see it in the admin system info. Taken from
 * {@code arv.node.name}; by default host name and process id, so two processes on one machine and a
 * restarted process each get their own.
 */
@ApplicationScoped
public class ServerNode {

    private static final int MAX_LENGTH = 64;

    @Inject
    @ConfigProperty(name = "arv.node.name")
    Optional<String> configured;

    private String name;

    @PostConstruct
    void decide() {
        String chosen = configured.filter(n -> !n.isBlank()).map(String::strip)
                .orElseGet(() -> hostName() + "-" + ProcessHandle.current().pid());
        name = chosen.length() <= MAX_LENGTH ? chosen : chosen.substring(0, MAX_LENGTH);
    }

    /** A node known by this name, outside the container (unit tests of the beans that record it). */
    public static ServerNode named(String name) {
        ServerNode node = new ServerNode();
        node.name = name;
        return node;
    }

    public String name() {
        return name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
