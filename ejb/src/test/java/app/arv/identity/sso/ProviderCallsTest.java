package app.arv.identity.sso;

import app.arv.outbound.AllowedHosts;
import app.arv.outbound.OutboundGuard;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An identity provider on 127.0.0.1 (a host the operator allowed) that answers what a broken or hostile one can. The
 * calls' timeouts are a minute: only the size of an answer, a redirect or an address can end a call in these tests.
 */
class ProviderCallsTest {

    private static final Duration PATIENT = Duration.ofSeconds(60);

    private HttpServer provider;
    private volatile boolean stopping;
    private final AtomicInteger elsewhere = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/good/.well-known/openid-configuration", exchange -> json(exchange, document(issuer("good"))));
        provider.createContext("/endless/.well-known/openid-configuration", this::endless);
        provider.createContext("/token", this::endless);
        provider.createContext("/moved/.well-known/openid-configuration", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        provider.createContext("/elsewhere", exchange -> {
            elsewhere.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        stopping = true;
        provider.stop(0);
    }

    @Test
    void theDiscoveryDocumentOfTheIssuerIsRead() throws Exception {
        OIDCProviderMetadata metadata = calls(allowingLoopback()).discover(new Issuer(issuer("good")));

        assertThat(metadata.getTokenEndpointURI()).isEqualTo(URI.create(issuer("good") + "/token"));
    }

    @Test
    void aDiscoveryAnswerThatNeverEndsFailsOnceItPassesTheLimit() {
        ProviderCalls calls = calls(allowingLoopback());

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> calls.discover(new Issuer(issuer("endless"))))
                .isInstanceOf(IOException.class).hasMessageContaining("longer than " + ProviderCalls.MAX_ANSWER_BYTES + " bytes"));
    }

    @Test
    void aTokenAnswerThatNeverEndsFailsOnceItPassesTheLimit() {
        ProviderCalls calls = calls(allowingLoopback());
        HTTPRequest exchange = new HTTPRequest(HTTPRequest.Method.POST, URI.create("http://127.0.0.1:" + port() + "/token"));
        exchange.setBody("grant_type=authorization_code&code=abc");

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> exchange.send(calls))
                .isInstanceOf(IOException.class).hasMessageContaining("longer than " + ProviderCalls.MAX_ANSWER_BYTES + " bytes"));
    }

    @Test
    void theJvmsProxyIsNotUsedTheProviderIsConnectedToDirectly() throws Exception {
        ProxySelector before = ProxySelector.getDefault();
        ProviderCalls calls;
        try {
            // A proxy nobody answers at: 127.0.0.1's discard port.
            ProxySelector.setDefault(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9)));
            calls = calls(allowingLoopback());
        } finally {
            ProxySelector.setDefault(before);
        }

        assertThat(calls.discover(new Issuer(issuer("good"))).getIssuer()).isEqualTo(new Issuer(issuer("good")));
    }

    @Test
    void aRedirectOfTheDiscoveryDocumentIsNotFollowed() {
        ProviderCalls calls = calls(allowingLoopback());

        assertThatThrownBy(() -> calls.discover(new Issuer(issuer("moved"))))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 302");
        assertThat(elsewhere.get()).isZero();
    }

    @Test
    void aProviderNameThatResolvesInternalWhenConnectingIsRefused() {
        // The issuer passed the guard when it was checked; now its DNS answers 127.0.0.1 (rebinding).
        ProviderCalls calls = calls(new OutboundGuard(AllowedHosts.none(), host -> new InetAddress[]{InetAddress.getLoopbackAddress()}));

        assertThatThrownBy(() -> calls.discover(new Issuer("http://idp.example.com:" + port() + "/good")))
                .isInstanceOf(OutboundGuard.RefusedAddress.class);
    }

    private static ProviderCalls calls(OutboundGuard guard) {
        return new ProviderCalls(guard, PATIENT);
    }

    private static OutboundGuard allowingLoopback() {
        return new OutboundGuard(new AllowedHosts(List.of("127.0.0.1")));
    }

    private int port() {
        return provider.getAddress().getPort();
    }

    private String issuer(String path) {
        return "http://127.0.0.1:" + port() + "/" + path;
    }

    private static String document(String issuer) {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/keys\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A JSON answer that never ends: one string, as long as the reader reads. */
    private void endless(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("{\"padding\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(65536).getBytes(StandardCharsets.UTF_8);
            while (!stopping) {
                body.write(chunk); // fails once the reader has hung up
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
