package app.arv.web.it;

import app.arv.launcher.FreePorts;
import com.nimbusds.oauth2.sdk.TokenRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's OpenID Connect identity provider: NAV's mock-oauth2-server, a real authorization server
 * (discovery, authorize without a login page, token endpoint with PKCE, JWKS), on 127.0.0.1 in the test
 * JVM. Started before ARV, which is configured with it as provider {@link #PROVIDER}. A test says which
 * person signs in next with {@link #nextSignIn}.
 *
 * <p>Who signs in is one setting, replaced by each test, not the server's queue of callbacks: a queued
 * person that a test did not use up (its sign-in failed before the code exchange) would sign in at the
 * next test's exchange, and every later test would get its predecessor's person.
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

    private final SignInAs signInAs = new SignInAs();
    private final MockOAuth2Server server = new MockOAuth2Server(
            new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(new KeyProvider(), (Instant) null), Set.of(signInAs)));

    private OidcProviderServer() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            answered(issuer() + "/.well-known/openid-configuration");
            answered(issuer() + "/jwks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider is up before the applications that use it: its first answers (class loading, keys) are made here. */
    private static void answered(String url) throws IOException {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
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

    /** An issuer on a port of 127.0.0.1 that nothing listens on. */
    static String unreachableIssuer() {
        return "http://127.0.0.1:" + FreePorts.pick() + "/" + ISSUER_ID;
    }

    /** The ID token of every code exchange from now on: this subject, with these e-mail claims. */
    void nextSignIn(String subject, String email, boolean emailVerified) {
        signInAs.person = new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID),
                Map.of("email", email, "email_verified", emailVerified), 3600);
    }

    /** The person the provider signs in: the one the running test set last. */
    private static final class SignInAs implements OAuth2TokenCallback {

        volatile OAuth2TokenCallback person = new DefaultOAuth2TokenCallback(ISSUER_ID);

        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest request) {
            return person.subject(request);
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return person.typeHeader(request);
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return person.audience(request);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            return person.addClaims(request);
        }

        @Override
        public long tokenExpiry() {
            return person.tokenExpiry();
        }
    }
}
