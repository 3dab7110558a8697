package app.arv.webhook;

import app.arv.ManagedConcurrency;
import app.arv.outbound.AllowedHosts;
import app.arv.outbound.OutboundGuard;
import app.arv.outbound.OutboundPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What the sender connects to: DNS rebinding (a receiver's name that resolved to a public address when the URL was
 * checked and resolves to this machine when the connection is made), a name lookup that never answers, and the JVM's
 * proxy. The "receiver" is a socket on 127.0.0.1 that counts the connections it accepts.
 */
class WebhookSenderTest {

    private static final byte[] PUBLIC = {93, (byte) 184, (byte) 216, 34};
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private static final String SECRET = "whsec_0123456789abcdef0123456789abcdef";

    private ServerSocket receiver;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final ExecutorService lookupThreads = Executors.newCachedThreadPool();
    private final CountDownLatch testOver = new CountDownLatch(1);

    @BeforeEach
    void listen() throws IOException {
        receiver = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!receiver.isClosed()) {
                try {
                    Socket connection = receiver.accept();
                    accepted.incrementAndGet();
                    connection.close();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        testOver.countDown();
        lookupThreads.shutdownNow();
        receiver.close();
    }

    @Test
    void aNameThatTurnsInternalAfterTheCheckIsRefusedAtConnectTimeAndNothingIsSent() throws Exception {
        WebhookSender sender = sender(AllowedHosts.none(), PUBLIC);

        AttemptResult result = sender.send(url(), "evt_1", "webhook.test", "{}", List.of(SECRET));

        assertThat(lookups.get()).as("looked up at the check and again at the connection").isGreaterThanOrEqualTo(2);
        assertThat(result.httpStatus()).isNull();
        assertThat(result.error()).startsWith("RefusedAddress");
        assertThat(accepted.get()).isZero();
    }

    @Test
    void aHostTheOperatorListedIsConnectedToWhereverItResolves() throws Exception {
        WebhookSender sender = sender(new AllowedHosts(List.of("hooks.example.com")), LOOPBACK);

        AttemptResult result = sender.send(url(), "evt_1", "webhook.test", "{}", List.of(SECRET));

        // The socket speaks no TLS, so the attempt fails — after the connection the other test never gets.
        assertThat(result.delivered()).isFalse();
        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void aDeliveryTheHttpClientRefusesToBuildIsAFailedAttemptNotAnException() {
        WebhookSender sender = sender(new AllowedHosts(List.of("hooks.example.com")), LOOPBACK);

        // OkHttp refuses a header value with a line break (IllegalArgumentException) before anything is sent.
        AttemptResult result = sender.send(url(), "evt_1", "webhook.test\r\nX-Injected: 1", "{}", List.of(SECRET));

        assertThat(result.delivered()).isFalse();
        assertThat(result.httpStatus()).isNull();
        assertThat(result.error()).startsWith("IllegalArgumentException");
        assertThat(accepted.get()).isZero();
    }

    @Test
    void aNameThatNeverResolvesEndsTheAttemptAsFailedInsteadOfHoldingTheSender() {
        WebhookSender sender = sender(AllowedHosts.none(), host -> {
            try {
                testOver.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        });

        AttemptResult result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> sender.send(url(), "evt_1", "webhook.test", "{}", List.of(SECRET)));

        assertThat(result.delivered()).isFalse();
        assertThat(result.error()).startsWith("Not sent: 'hooks.example.com' did not resolve within");
        assertThat(accepted.get()).isZero();
    }

    @Test
    void theJvmsProxyIsNotUsedTheReceiverIsConnectedToDirectly() throws Exception {
        ProxySelector before = ProxySelector.getDefault();
        // A proxy nobody answers at: 127.0.0.1's discard port.
        try {
            ProxySelector.setDefault(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9)));
            WebhookSender sender = sender(new AllowedHosts(List.of("hooks.example.com")), LOOPBACK);

            sender.send(url(), "evt_1", "webhook.test", "{}", List.of(SECRET));
        } finally {
            ProxySelector.setDefault(before);
        }

        assertThat(accepted.get()).as("connections to the receiver itself").isEqualTo(1);
    }

    private String url() {
        return "https://hooks.example.com:" + receiver.getLocalPort() + "/in";
    }

    /** A sender whose resolver answers {@code first} to the first lookup and this machine from then on. */
    private WebhookSender sender(AllowedHosts allowed, byte[] first) {
        return sender(allowed, host -> new InetAddress[]{InetAddress.getByAddress(host, lookups.getAndIncrement() == 0 ? first : LOOPBACK)});
    }

    private WebhookSender sender(AllowedHosts allowed, OutboundGuard.Resolver resolver) {
        OutboundGuard guard = new OutboundGuard(allowed, resolver);
        WebhookSettings settings = new WebhookSettings();
        settings.connectTimeout = Duration.ofSeconds(2);
        settings.readTimeout = Duration.ofSeconds(2);
        WebhookSender sender = new WebhookSender();
        sender.settings = settings;
        sender.outbound = new OutboundPolicy() {
            @Override
            public OutboundGuard webhookGuard() {
                return guard;
            }
        };
        sender.lookups = ManagedConcurrency.executor(lookupThreads);
        sender.init();
        return sender;
    }
}
