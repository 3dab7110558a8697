package app.arv.identity.sso;

import app.arv.audit.Actor;
import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.identity.Admission;
import app.arv.identity.Device;
import app.arv.identity.LinkToken;
import app.arv.identity.Sessions;
import app.arv.identity.SignIn;
import app.arv.identity.sso.IdentityProviders.Provider;
import app.arv.mail.MailAddress;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.SingleSignOnRepository;
import app.arv.persistence.identity.SingleSignOnRepository.Handoff;
import app.arv.persistence.identity.SingleSignOnRepository.PendingLogin;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in through an identity provider. {@link #start} keeps state, nonce and PKCE verifier under the
 * state and sends the browser to the provider, with a random value for the browser to keep (its cookie; only the
 * hash is kept); {@link #finish} takes them back (once) for a callback that brings that value, exchanges the code
 * and validates the ID token (issuer, audience, nonce, signature, expiry). A provider account (provider and subject)
 * that signed in before signs in the same account again; one that never did is linked by its verified e-mail address to
 * that address's account (unless the account is linked to another account of the provider), or joins the organization
 * whose claim to its domain a platform admin approved ({@link DomainClaims}) as a member. The session is not opened by
 * the callback: {@link #finish} keeps the sign-in for {@value #HANDOFF_SECONDS} seconds under a one-time code, with a
 * second value for the browser (its cookie), and {@link #handOff} opens it for the one who brings both — so ARV's tokens
 * never travel in a URL, and a code sent to somebody else's browser signs nobody in there.
 */
@Stateless
public class SingleSignOnService {

    /** How long a started sign-in may take at the provider. */
    static final Duration PENDING_FOR = Duration.ofMinutes(10);
    /** How long a finished sign-in waits for the console to take it (the browser goes there at once). */
    static final long HANDOFF_SECONDS = 60;
    private static final Scope SCOPE = new Scope("openid", "email", "profile");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuditTrail audit;

    @Inject
    IdentityProviders providers;

    @Inject
    SingleSignOnRepository sso;

    @Inject
    PendingSignIns pendingSignIns;

    @Inject
    UserRepository users;

    @Inject
    OrganizationRepository organizations;

    @Inject
    Admission admission;

    @Inject
    PasswordHasher passwords;

    @Inject
    Sessions sessions;

    /**
     * A sign-in under way: where to send the browser, its {@code state} (which the provider hands back to the
     * callback), and what that browser must keep until the callback (for {@code validFor}) and bring to it — the proof
     * that the callback comes back to the browser that started it.
     */
    public record Started(URI authorization, String state, String browserKey, Duration validFor) {

        /** Without the browser's value, which a log must not show. */
        @Override
        public String toString() {
            return "Started[authorization=" + authorization + "]";
        }
    }

    /** @return the provider's authorization endpoint with this sign-in's request, and the value for the browser */
    public Started start(String providerName, URI redirectUri) {
        Provider provider = providers.provider(providerName);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        LinkToken browserKey = LinkToken.random();
        sso.savePending(new PendingLogin(state.getValue(), provider.settings().name(), nonce.getValue(), verifier.getValue(),
                redirectUri.toString(), browserKey.hash()), Instant.now().plus(PENDING_FOR));
        return new Started(new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE), SCOPE,
                new ClientID(provider.settings().clientId()), redirectUri)
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI(), state.getValue(), browserKey.raw(), PENDING_FOR);
    }

    /**
     * A sign-in that succeeded, to be handed to the console: the one-time {@code code} for its address and what the
     * browser must keep (for {@code validFor}) and bring with the code to {@link #handOff}.
     */
    public record Finished(String code, String browserKey, Duration validFor) {

        /** Without the secrets, which a log must not show. */
        @Override
        public String toString() {
            return "Finished[validFor=" + validFor + "]";
        }
    }

    /**
     * @param browserKey what {@link #start} gave the browser to keep ({@code null} when the browser brought nothing)
     * @throws DomainException {@code sso_failed} (400) for a state not pending, a callback in another browser than the
     *                         one that started the sign-in, a refused code, an invalid ID token, an unverified address
     *                         of a provider account not linked yet, or an address whose account is linked to another
     *                         account of this provider;
     *                         {@code no_organization} (403) for an address no account or organization admits;
     *                         {@code identity_provider_unavailable} (503)
     * @return the sign-in, kept for {@link #handOff}; no session is open yet
     */
    public Finished finish(String providerName, String state, String code, String browserKey) {
        Provider provider = providers.provider(providerName);
        if (state == null || code == null || state.isBlank() || code.isBlank()) {
            throw DomainException.ssoFailed();
        }
        PendingLogin pending = pendingSignIns.take(state, Instant.now())
                .filter(p -> p.provider().equals(provider.settings().name()))
                // Login CSRF: someone's own callback URL (their state, their code) opened in another browser would sign
                // that browser into their account. The state is used up all the same.
                .filter(p -> browserKey != null && p.browserHash().equals(LinkToken.hashOf(browserKey)))
                .orElseThrow(DomainException::ssoFailed);
        IDTokenClaimsSet claims = validated(provider, pending, exchange(provider, pending, code));
        String name = provider.settings().name();
        String subject = claims.getSubject().getValue();
        User user = sso.userOfIdentity(name, subject).map(this::linkedUser).orElseGet(() -> userByEmail(name, subject, claims));
        LinkToken handoffCode = LinkToken.random();
        LinkToken handoffKey = LinkToken.random();
        Duration validFor = Duration.ofSeconds(HANDOFF_SECONDS);
        sso.saveHandoff(new Handoff(handoffCode.hash(), handoffKey.hash(), name, user.getId()), Instant.now().plus(validFor));
        return new Finished(handoffCode.raw(), handoffKey.raw(), validFor);
    }

    /**
     * Opens the session of a sign-in {@link #finish} kept, for the browser that finished it: the code is used up whatever
     * the outcome.
     *
     * @param browserKey what {@link #finish} gave the browser to keep ({@code null} when the browser brought nothing)
     * @throws DomainException {@code sso_failed} (400) for a code unknown, used or expired, or brought without the value
     *                         its browser was given; {@code no_organization} (403) when the account or its organization
     *                         was deactivated meanwhile
     */
    public SignIn handOff(String code, String browserKey, Device device) {
        if (code == null || code.isBlank()) {
            throw DomainException.ssoFailed();
        }
        Handoff handoff = pendingSignIns.takeHandoff(LinkToken.hashOf(code), Instant.now())
                // Login CSRF: a code sent to somebody else's browser (a link) brings no cookie there, or another one.
                .filter(h -> browserKey != null && h.browserHash().equals(LinkToken.hashOf(browserKey)))
                .orElseThrow(DomainException::ssoFailed);
        User user = linkedUser(handoff.userId());
        return sessions.signInRecorded(user, device,
                AuditDetails.with("method", "single_sign_on").and("provider", handoff.provider()));
    }

    /**
     * The account a provider account signed in before: the provider's subject is what identifies a person there, not
     * the address, which may change or pass to somebody else. Its current address is not looked at, and the account
     * keeps its ARV address (which its admin or owner changes, if at all).
     */
    private User linkedUser(UUID userId) {
        return users.findActive(userId).filter(admission::admits).orElseThrow(DomainException::noOrganization);
    }

    /**
     * For a provider account that never signed in: the account of its verified address — unless that account is
     * already linked to another account of this provider (a recycled address, or another person's address), which is
     * refused rather than taken over — or a new member of the organization whose approved claim holds the address's domain. Links
     * the provider account to it.
     */
    private User userByEmail(String providerName, String subject, IDTokenClaimsSet claims) {
        String claimed = claims.getStringClaim("email");
        if (claimed == null || !Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"))) {
            throw DomainException.ssoFailed();
        }
        String email = claimed.strip();
        // Under the address's lock, as invitations and sign-ups: two first sign-ins of one address at once (or one and
        // an invitation's acceptance) would otherwise both create the account, and the second fail at commit; and two
        // provider accounts with that address would otherwise both pass the check below and both link it.
        users.lockEmail(email);
        Optional<User> existing = users.findByEmail(email);
        User user;
        if (existing.isPresent()) {
            user = existing.get();
            if (sso.linkedToAnotherSubject(providerName, subject, user.getId())) {
                throw DomainException.ssoFailed();
            }
            if (!admission.admits(user)) {
                throw DomainException.noOrganization();
            }
        } else {
            user = newMember(email);
        }
        sso.linkIdentity(providerName, subject, user.getId());
        // In the audit log at once: from now on the provider account signs this account in, even if this browser never
        // finishes the hand-off.
        audit.record(user.getOrganizationId(), Actor.person(user), AuditAction.SSO_IDENTITY_LINKED, user.getId(),
                AuditDetails.with("provider", providerName).and("provider_subject", subject).and("email", email).and("new_account", existing.isEmpty()));
        return user;
    }

    /** A new member of the organization whose claim to the address's domain a platform admin approved. */
    private User newMember(String claimed) {
        // The account's notifications and password resets go to it: an address the outbox would refuse (the provider's
        // claim is not checked by anyone else) would make every mail to this member fail the work that sends it.
        String email = MailAddress.of(claimed).orElseThrow(DomainException::ssoFailed);
        // A public mail service's domain approved before such claims were refused admits nobody all the same.
        UUID organizationId = EmailDomains.of(email).filter(d -> !EmailDomains.isPublicMail(d)).flatMap(sso::organizationOfDomain)
                .filter(organizations::isActive)
                .orElseThrow(DomainException::noOrganization);
        // No password: the hash of a random secret nobody is told, so only the identity provider signs this user in.
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        User user = new User(organizationId, email, passwords.hash(Base64.getEncoder().encodeToString(secret)), Role.MEMBER);
        users.add(user);
        audit.record(organizationId, Actor.person(user), AuditAction.USER_ADDED, user.getId(),
                AuditDetails.with("email", email).and("role", Role.MEMBER).and("via", "single_sign_on"));
        return user;
    }

    private JWT exchange(Provider provider, PendingLogin pending, String code) {
        TokenRequest request = new TokenRequest.Builder(provider.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(provider.settings().clientId()), new Secret(provider.settings().clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(pending.redirectUri()),
                        new CodeVerifier(pending.codeVerifier())))
                .build();
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send(providers.calls()));
        } catch (IOException e) {
            throw DomainException.identityProviderUnavailable();
        } catch (ParseException e) {
            throw DomainException.ssoFailed();
        }
        if (!response.indicatesSuccess()) {
            throw DomainException.ssoFailed();
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw DomainException.ssoFailed();
        }
        return idToken;
    }

    private static IDTokenClaimsSet validated(Provider provider, PendingLogin pending, JWT idToken) {
        try {
            return provider.validator().validate(idToken, new Nonce(pending.nonce()));
        } catch (KeySourceException e) {
            throw DomainException.identityProviderUnavailable();
        } catch (BadJOSEException | JOSEException e) {
            throw DomainException.ssoFailed();
        }
    }
}
