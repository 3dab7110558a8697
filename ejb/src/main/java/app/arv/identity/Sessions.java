package app.arv.identity;

import app.arv.audit.Actor;
import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.RefreshToken;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.identity.UserSession;
import app.arv.persistence.identity.UserSession.EndReason;
import app.arv.persistence.identity.UserSessionRepository;
import app.arv.persistence.identity.UserSessionRepository.Presented;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.security.CredentialChanges;
import app.arv.security.SessionRules;
import app.arv.security.TokenService;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions: every sign-in (password or single sign-on) opens one, a family of refresh tokens with the device it was
 * opened on. A refresh token — 32 random bytes, base64url, only its SHA-256 stored (made like a mailed link's
 * {@link LinkToken}) — is exchanged once for a new access token and a new refresh token ({@link #refresh}); presenting
 * an exchanged one again means someone holds a copy, and ends the whole session. Access tokens name their session
 * (claim {@code sid}) and are refused the moment it ends, on every node ({@link CredentialChanges#sessionEnded}).
 */
@Stateless
public class Sessions {

    @Inject
    UserSessionRepository sessions;

    @Inject
    UserRepository users;

    @Inject
    Admission admission;

    @Inject
    TokenService tokens;

    @Inject
    SessionRules rules;

    @Inject
    CredentialChanges changes;

    @Inject
    AuditTrail audit;

    /**
     * {@code user} signs in (with a password, by single sign-on, accepting an invitation, confirming a sign-up): the time
     * is their last sign-in, and a new session opens.
     */
    public SignIn signIn(User user, Device device) {
        user.recordLogin(Instant.now());
        return open(user, device);
    }

    /**
     * {@code user} has proved who they are at the door (their password, an identity provider) and signs in
     * ({@link #signIn}); their organization's audit log records it ({@code sign_in.succeeded}) with the new session.
     *
     * @param how what the audit entry says of the way in: its {@code method} ({@code password}, {@code single_sign_on})
     *            first, then anything that way adds (the provider)
     */
    public SignIn signInRecorded(User user, Device device, AuditDetails how) {
        SignIn signIn = signIn(user, device);
        audit.record(user.getOrganizationId(), Actor.person(user), AuditAction.SIGN_IN_SUCCEEDED, user.getId(),
                how.and("session_id", signIn.sessionId()));
        return signIn;
    }

    /** A new session for {@code user}, who has just proved who they are ({@link #signIn} when that is a sign-in). */
    public SignIn open(User user, Device device) {
        Instant now = Instant.now();
        LinkToken refresh = LinkToken.random();
        UserSession session = sessions.open(new UserSession(user.getId(), device.userAgent(), device.clientAddress(), now,
                rules.lifetime()), refresh.hash());
        return new SignIn(accessFor(user, session.getId()), session.getId(), refresh.raw(), session.getExpiresAt());
    }

    /** A fresh access token for {@code user} in their open session {@code sessionId}; its refresh token stays as it is. */
    public SignIn freshAccess(User user, UUID sessionId) {
        return new SignIn(accessFor(user, sessionId), sessionId, null, null);
    }

    /**
     * Exchanges a refresh token for a new access token and refresh token. Two refreshes of one session run one after the
     * other (the session's row is locked), so one token is exchanged once. The answer is a {@link Refreshed} rather than
     * an exception because a refusal may have to commit: reuse ends the session.
     */
    public Refreshed refresh(String rawRefreshToken, Device device) {
        Instant now = Instant.now();
        Optional<Presented> presented = sessions.presentedForUpdate(LinkToken.hashOf(rawRefreshToken));
        if (presented.isEmpty()) {
            return Refreshed.refused(Refusal.INVALID);
        }
        UserSession session = presented.get().session();
        RefreshToken token = presented.get().token();
        Optional<User> user = users.findActive(session.getUserId()).filter(admission::admits);
        if (user.isEmpty()) {
            return Refreshed.refused(Refusal.INVALID);
        }
        return switch (session.judge(token, now, rules.idleTimeout())) {
            case ENDED -> Refreshed.refused(Refusal.INVALID);
            case RACE_LOST -> Refreshed.refused(Refusal.RACE_LOST);
            case REUSED -> {
                end(session, now, EndReason.TOKEN_REUSED);
                yield Refreshed.refused(Refusal.REUSED);
            }
            case ROTATE -> {
                LinkToken next = LinkToken.random();
                session.rotated(token, now, device.userAgent(), device.clientAddress());
                sessions.addToken(new RefreshToken(session.getId(), next.hash(), now));
                yield new Refreshed(new SignIn(accessFor(user.get(), session.getId()), session.getId(), next.raw(),
                        session.getExpiresAt()), null);
            }
        };
    }

    /** Ends the session a refresh token (current or exchanged) belongs to; an unknown token changes nothing. */
    public void logout(String rawRefreshToken) {
        sessions.presentedForUpdate(LinkToken.hashOf(rawRefreshToken))
                .ifPresent(presented -> end(presented.session(), Instant.now(), EndReason.LOGOUT));
    }

    /** Ends the session of the caller's access token (nothing for API keys and tokens from before sessions). */
    public void logout(Caller caller) {
        if (caller.sessionId() != null) {
            sessions.find(caller.sessionId()).filter(s -> s.getUserId().equals(caller.userId()))
                    .ifPresent(session -> end(session, Instant.now(), EndReason.LOGOUT));
        }
    }

    /** The caller's live sessions, most recently used first. */
    public List<UserSession> list(Caller caller) {
        return sessions.liveOf(person(caller), Instant.now(), rules.idleTimeout());
    }

    /** Ends one of the caller's live sessions; anyone else's, or one already over, is not found. */
    public void end(Caller caller, UUID sessionId) {
        Instant now = Instant.now();
        UserSession session = sessions.find(sessionId)
                .filter(s -> s.getUserId().equals(person(caller)) && s.liveAt(now, rules.idleTimeout()))
                .orElseThrow(() -> DomainException.notFound("Session"));
        end(session, now, EndReason.LOGOUT);
    }

    /** Ends every session of the caller but the current one ("sign out everywhere else"); how many it ended. */
    public int endOthers(Caller caller) {
        return endAllOf(person(caller), caller.sessionId(), EndReason.SIGNED_OUT_ELSEWHERE);
    }

    /**
     * Ends every open session of a person except {@code keep} ({@code null}: all), dropping their cached credentials on
     * every node. For a password change (keeps the current session), a reset, an admin's change, a deactivation.
     */
    public int endAllOf(UUID userId, UUID keep, EndReason reason) {
        int ended = sessions.revokeAllOf(userId, keep, Instant.now(), reason);
        changes.userChanged(userId);
        return ended;
    }

    private void end(UserSession session, Instant now, EndReason reason) {
        session.revoke(now, reason);
        changes.sessionEnded(session.getId());
    }

    private static UUID person(Caller caller) {
        if (caller.isApiKey()) {
            throw DomainException.forbidden("An API key has no sessions: sign in as a person");
        }
        return caller.userId();
    }

    private TokenService.IssuedToken accessFor(User user, UUID sessionId) {
        return tokens.issue(user.getId(), user.getEmail(), user.getOrganizationId(),
                CallerRole.of(user), sessionId);
    }

    /** Why a refresh was refused. */
    public enum Refusal {
        /** Unknown, expired, revoked, or its person or organization deactivated. */
        INVALID,
        /** Exchanged a moment ago by another request with the same token: the session stays. */
        RACE_LOST,
        /** Exchanged before: the session has been ended. */
        REUSED;

        DomainException problem() {
            return switch (this) {
                case INVALID -> DomainException.unauthenticated("invalid_token",
                        "The refresh token is unknown, expired or revoked; sign in again");
                case RACE_LOST -> DomainException.unauthenticated("refresh_token_superseded",
                        "Another request has just exchanged this refresh token; use the one it got");
                case REUSED -> DomainException.unauthenticated("refresh_token_reused",
                        "This refresh token was exchanged before; the session has been ended for safety. Sign in again");
            };
        }
    }

    /** A refresh's outcome: the new tokens, or why not. */
    public record Refreshed(SignIn signIn, Refusal refusal) {

        static Refreshed refused(Refusal refusal) {
            return new Refreshed(null, refusal);
        }

        /** The new tokens; a refusal as its 401 problem (thrown once the refresh's transaction is over). */
        public SignIn orThrow() {
            if (refusal != null) {
                throw refusal.problem();
            }
            return signIn;
        }
    }
}
