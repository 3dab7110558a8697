package app.arv.web.auth;

import app.arv.identity.LinkToken;
import app.arv.identity.SignIn;
import app.arv.identity.sso.IdentityProviders;
import app.arv.identity.sso.SingleSignOnService;
import app.arv.identity.sso.SingleSignOnService.Finished;
import app.arv.identity.sso.SingleSignOnService.Started;
import app.arv.platform.PublicAddress;
import app.arv.shared.DomainException;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.auth.LoginResource.TokenView;
import app.arv.web.logging.RequestContext;
import app.arv.web.security.NoStore;
import app.arv.web.security.Public;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * {@code callback} and is sent on to the console with a one-time code in the URL fragment, and a cookie
 * ({@value #HANDOFF_COOKIE} followed by the start of the code's hash) that only {@code handoff} is sent and only from
 * ARV's own pages (SameSite=Strict); the console posts the code to {@code handoff} and gets ARV's access and refresh
 * tokens. Tokens in the URL would let anybody send a victim a link that signs the victim's browser into the sender's
 * account (login CSRF); a code without its cookie signs nobody in. {@code start}
 * gives the browser a cookie ({@value #BROWSER_COOKIE} followed by the sign-in's state) that only the callback is sent
 * and that the callback must bring: a callback URL opened in another browser signs nobody in there (login CSRF). One
 * cookie per sign-in, not per browser: two tabs whose sessions ended both start a sign-in, and the one finished first
 * must still find its own cookie, not the later one's. A refused callback sends the browser to the console's sign-in
 * screen, which says why ({@code sso_error}, {@code request_id} in the fragment): the browser shows the callback as a page.
 */
@Path("auth/oidc")
@Produces(MediaType.APPLICATION_JSON)
public class SingleSignOnResource implements ApiDescription.Identity {

    static final String BROWSER_COOKIE = "arv_sso_";
    static final String HANDOFF_COOKIE = "arv_sso_handoff_";
    /** Hex digits of the code's hash in its cookie's name: one cookie per sign-in, two tabs signing in do not collide. */
    private static final int HANDOFF_NAME_LENGTH = 16;

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
    @Operation(summary = "Where the identity provider sends the browser back: answers 302 to the console with a one-time "
            + "code for POST /auth/oidc/handoff (in the URL fragment) and the cookie that must come with it; a refusal is a "
            + "302 to the console's sign-in screen too, with sso_error (sso_failed, no_organization, "
            + "identity_provider_unavailable) and request_id in the fragment",
            description = "The browser is at this address as its page (the provider sent it here), so a refusal is not "
                    + "answered as a problem but shown by the console: /console/#/sign-in?sso_error=<code>&request_id=<id>")
    @APIResponse(responseCode = "302", description = "To the console: with a one-time code to sign in by, or to its sign-in screen with the reason")
    public Response callback(@PathParam("provider") String provider, @QueryParam("state") String state,
            @QueryParam("code") String code) {
        String browserKey = browserKey(state);
        Finished finished;
        try {
            finished = sso.finish(provider, state, code, browserKey);
        } catch (DomainException refused) {
            // The state is used up either way; its cookie goes too when the browser has one (then the state and the
            // provider name are those ARV gave it: a cookie name, a path segment).
            String signIn = base() + "/console/#/sign-in?sso_error=" + encoded(refused.code()) + "&request_id="
                    + encoded(String.valueOf(RequestContext.requestId()));
            Response.ResponseBuilder toSignIn = Response.status(Response.Status.FOUND).location(URI.create(signIn))
                    .header("Referrer-Policy", "no-referrer");
            if (browserKey != null) {
                toSignIn.cookie(browserCookie(callback(provider), state, "", Duration.ZERO));
            }
            return toSignIn.build();
        }
        String console = base() + "/console/#/signed-in?handoff=" + encoded(finished.code());
        return Response.status(Response.Status.FOUND).location(URI.create(console))
                .cookie(browserCookie(callback(provider), state, "", Duration.ZERO),
                        handoffCookie(finished.code(), finished.browserKey(), finished.validFor()))
                .header("Referrer-Policy", "no-referrer").build();
    }

    @POST
    @Path("handoff")
    @Public
    @NoStore
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The console takes a single sign-on that succeeded: the one-time code the callback sent it, "
            + "in exchange for the body of POST /auth/login (a session is opened)",
            description = "Only with the cookie the callback set in the same browser (sent only to this path, from ARV's own "
                    + "pages); a code is good once and for a minute. 400 sso_failed for an unknown, used or expired code, "
                    + "or one sent without its cookie; nothing is signed in then")
    public TokenView handoff(@Valid HandoffRequest request) {
        String cookieName = handoffCookieName(request.code);
        Cookie cookie = headers.getCookies().get(cookieName);
        SignIn signIn = sso.handOff(request.code, cookie == null ? null : cookie.getValue(), ClientDevice.of(headers));
        return TokenView.of(signIn);
    }

    /* A class, not a record: see LoginResource (payara/Payara#7649). */
    public static class HandoffRequest {
        @NotBlank
        @Size(max = 200)
        public String code;
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

    /**
     * Sent back only to the hand-off (its path), and only on requests from ARV's own pages (SameSite=Strict): a link
     * from anywhere else opening the console brings the code but, on the console's request, not this; never to
     * scripts (HttpOnly), only over TLS when ARV is reached by https; {@code validFor} zero removes it.
     */
    private NewCookie handoffCookie(String code, String value, Duration validFor) {
        URI handoff = URI.create(base() + Links.oidcHandoff());
        return new NewCookie.Builder(handoffCookieName(code)).value(value).path(handoff.getRawPath())
                .maxAge((int) validFor.toSeconds()).httpOnly(true).secure("https".equalsIgnoreCase(handoff.getScheme()))
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Named for the code (the start of its hash), so the cookies of two sign-ins finished at once are both kept. */
    private static String handoffCookieName(String code) {
        return HANDOFF_COOKIE + LinkToken.hashOf(code).substring(0, HANDOFF_NAME_LENGTH);
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
