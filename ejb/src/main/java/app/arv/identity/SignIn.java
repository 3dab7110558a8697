package app.arv.identity;

import app.arv.security.TokenService.IssuedToken;

import java.time.Instant;
import java.util.UUID;

/**
 * What a sign-in (or a refresh) hands the client: a short-lived access token and the refresh token that gets the next
 * one. {@code refreshToken} is the only copy of that secret (ARV keeps its hash).
 *
 * @param refreshToken          the new refresh token, or {@code null} when the client keeps the one it has
 * @param refreshTokenExpiresAt when the session ends at the latest (idle sessions end sooner)
 */
public record SignIn(IssuedToken access, UUID sessionId, String refreshToken, Instant refreshTokenExpiresAt) {

    @Override
    public String toString() {
        return "SignIn[session=" + sessionId + "]";
    }
}
