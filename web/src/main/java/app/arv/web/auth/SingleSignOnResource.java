package app.arv.web.auth;

import app.arv.identity.SignIn;
import app.arv.identity.sso.IdentityProviders;
import app.arv.identity.sso.SingleSignOnService;
import app.arv.identity.sso.SingleSignOnService.Started;
import app.arv.platform.PublicAddress;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.security.NoStore;
import app.arv.web.security.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Single sign-on through the installation's identity providers (OpenID Connect, authorization code
 * with PKCE): the browser is sent to {@code start}, signs in at the provider, comes back to
 * {@code callback} and is sent on to the console with ARV's access and refresh tokens in the URL fragment — a
 * fragment is never sent to a server, so the token reaches neither access logs nor {@code Referer}s. {@code start}
 * gives the browser a cookie ({@value #BROWSER_COOKIE} followed by the sign-in's state) that only the callback is sent
 * and that the callback must bring: a callback URL opened in another browser signs nobody in there (login CSRF). One
 * cookie per sign-in, not per browser: two tabs whose sessions ended both start a sign-in, and the one finished first
 * must still find its own cookie, not the later one's.
 */
@Path("auth/oidc")
@Produces(MediaType.APPLICATION_JSON)
public class SingleSignOnResource implements ApiDescription.Identity {

    static final String BROWSER_COOKIE = "arv_sso_";

    @Inject
    IdentityProviders providers;

    @Inject
    SingleSignOnService sso;

    @Inject
    PublicAddress publicAddress;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Path("providers")
    @Public
    @Operation(summary = "The identity providers one can sign in with (for 'Sign in with …' buttons)")
    public ProvidersView providers() {
        return new ProvidersView(providers.names());
    }

    @GET
    @Path("{provider}/start")
    @Public
    @NoStore
    @Operation(summary = "Start a sign-in with an identity provider: answers 302 to the provider's sign-in page")
    @APIResponse(responseCode = "302", description = "To the identity provider's sign-in page")
    public Response start(@PathParam("provider") String provider) {
        // Looked up first: a name that is not configured is 404, also one that is no URI path segment ("a b").
        String name = providers.provider(provider).settings().name();
        URI redirectUri = callback(name);
        Started started = sso.start(name, redirectUri);
        return Response.status(Response.Status.FOUND).location(started.authorization())
                .cookie(browserCookie(redirectUri, started.state(), started.browserKey(), started.validFor())).build();
    }

    @GET
    @Path("{provider}/callback")
    @Public
    @NoStore
    @Operation(summary = "Where the identity provider sends the browser back: answers 302 to the console, signed in "
            + "(the access and refresh tokens in the URL fragment), or a problem: sso_failed, no_organization")
    @APIResponse(responseCode = "302", description = "To the console, signed in")
    public Response callback(@PathParam("provider") String provider, @QueryParam("state") String state,
            @QueryParam("code") String code) {
        SignIn signIn = sso.finish(provider, state, code, browserKey(state), ClientDevice.of(headers));
        String console = base() + "/console/#/signed-in?access_token=" + encoded(signIn.access().value())
                + "&expires_at=" + encoded(signIn.access().expiresAt().toString())
                + "&refresh_token=" + encoded(signIn.refreshToken());
        return Response.status(Response.Status.FOUND).location(URI.create(console))
                .cookie(browserCookie(callback(provider), state, "", Duration.ZERO))
                .header("Referrer-Policy", "no-referrer").build();
    }

    /** The provider is known here (start looked it up, finish did): its name is a path segment. */
    private URI callback(String provider) {
        return URI.create(base() + Links.oidcCallback(provider));
    }

    /** What the browser keeps for the sign-in of this state ({@code null}: nothing, or no state). */
    private String browserKey(String state) {
        Cookie cookie = state == null ? null : headers.getCookies().get(BROWSER_COOKIE + state);
        return cookie == null ? null : cookie.getValue();
    }

    /**
     * Sent back only to the callback (its path), from no other site but on the provider's top-level redirect
     * (SameSite=Lax), never to scripts (HttpOnly), only over TLS when the callback is https; {@code validFor} zero
     * removes it. The state is a cookie name's letters (base64url) in what ARV starts; a callback's state that is not
     * has no such cookie either.
     */
    private static NewCookie browserCookie(URI callback, String state, String value, Duration validFor) {
        return new NewCookie.Builder(BROWSER_COOKIE + state).value(value).path(callback.getRawPath())
                .maxAge((int) validFor.toSeconds()).httpOnly(true).secure("https".equalsIgnoreCase(callback.getScheme()))
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String base() {
        return Links.publicBase(publicAddress.url(), uriInfo);
    }

    public record ProvidersView(List<String> providers) {
    }
}
