package app.arv.web.it;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * The suite's OpenID Connect identity provider: NAV's mock-oauth2-server, a real authorization server
 * (discovery, authorize without a login page, token endpoint with PKCE, JWKS), on 127.0.0.1 in the test
 * JVM. Started before ARV, which is configured with it as provider {@link #PROVIDER}. A test says which
 * person signs in next with {@link #nextSignIn}.
 */
final class OidcProviderServer {

    /**
     * The resource lock of the tests that sign in through it ({@code @ResourceLock}): {@link #nextSignIn} sets who signs in
     * next for whoever calls back first, so two such tests must not run at once.
     */
    static final String LOCK = "identity-provider";
    static final String PROVIDER = "mock";
    static final String ISSUER_ID = "arv-tests";
    static final String CLIENT_ID = "arv-client";
    static final String CLIENT_SECRET = "arv-client-secret";
    /** A second provider, configured but never listening: what ARV does when a provider is down. */
    static final String UNREACHABLE = "down";

    private static OidcProviderServer shared;

    private final MockOAuth2Server server = new MockOAuth2Server();

    private OidcProviderServer() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized OidcProviderServer shared() {
        if (shared == null) {
            shared = new OidcProviderServer();
        }
        return shared;
    }

    /**
     * On 127.0.0.1, the host the suite's ARV may reach ({@code ARV_OUTBOUND_ALLOWED_HOSTS}); the server's own
     * {@code issuerUrl} names {@code localhost}. It builds its discovery document from the request's host, so the
     * endpoints it announces are on 127.0.0.1 too.
     */
    String issuer() {
        return "http://127.0.0.1:" + server.baseUrl().port() + "/" + ISSUER_ID;
    }

    /** An issuer on a port of 127.0.0.1 that was free a moment ago and that nothing listens on. */
    static String unreachableIssuer() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/" + ISSUER_ID;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ID token of the next code exchange: this subject, with these e-mail claims. */
    void nextSignIn(String subject, String email, boolean emailVerified) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID),
                Map.of("email", email, "email_verified", emailVerified), 3600));
    }
}
