package app.arv.web.me;

import app.arv.identity.Sessions;
import app.arv.persistence.identity.UserSession;
import app.arv.security.Caller;
import app.arv.web.ApiDescription;
import app.arv.web.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The signed-in devices of the calling person: listed, ended one by one, or all but the current one. */
@Path("me/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class OwnSessionsResource implements ApiDescription.Identity {

    @Inject
    Sessions sessions;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "My live sessions (people only), most recently used first",
            description = "Each with the user agent and client address it was last used from, when it was opened and last "
                    + "refreshed, when it ends at the latest, and current: whether it is the session of this request's token")
    public SessionsView list() {
        Caller me = caller.get();
        return new SessionsView(sessions.list(me).stream().map(s -> SessionView.of(s, me)).toList());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End one of my sessions: its access and refresh tokens stop working at once (204; "
            + "someone else's or an ended one: 404)")
    public void end(@PathParam("id") UUID id) {
        sessions.end(caller.get(), id);
    }

    @POST
    @Path("revoke-all")
    @Operation(summary = "Sign out everywhere else: end every session of mine but the current one",
            description = "Answers how many sessions ended")
    public RevokedView revokeAll() {
        return new RevokedView(sessions.endOthers(caller.get()));
    }

    public record SessionView(UUID id, String userAgent, String clientAddress, Instant createdAt, Instant lastUsedAt,
            Instant expiresAt, boolean current) {

        static SessionView of(UserSession session, Caller caller) {
            return new SessionView(session.getId(), session.getUserAgent(), session.getClientAddress(), session.getCreatedAt(),
                    session.getLastUsedAt(), session.getExpiresAt(), session.getId().equals(caller.sessionId()));
        }
    }

    public record SessionsView(List<SessionView> items) {
    }

    public record RevokedView(int ended) {
    }
}
