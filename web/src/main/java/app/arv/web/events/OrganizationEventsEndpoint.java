package app.arv.web.events;

import app.arv.events.OrganizationEventHub;
import app.arv.security.Caller;
import app.arv.security.CallerAuthentication;
import app.arv.shared.DomainException;
import app.arv.shared.Jsonp;
import app.arv.web.security.CredentialCheck;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ws://host/ws/events?access_token=...}: every generation and marker event of the caller's
 * organization, live, as JSON text messages ({@code source} generations | markers | server), and the caller's own
 * new notifications ({@code source} notifications: to that person's sockets only). The
 * credential comes as a query parameter because browsers cannot set headers on a WebSocket; a
 * short-lived token from {@code POST /api/v1/auth/login} is the one to use there (an API key works
 * too, for servers). A missing or refused credential closes the socket with 1008, and so does one
 * that stops holding while the socket is open (revoked key, deactivated person or organization,
 * expired token): it is checked again on every heartbeat and whenever credentials change. Refused credentials count
 * against the client address's anonymous rate limit, and past it the handshake is a 429 ({@link HandshakeCharge}). A client that
 * stops reading is closed with 1013 once its messages pile up or one takes too long ({@link SocketSender}); a socket
 * past {@code ARV_EVENTS_MAX_SOCKETS_PER_ORGANIZATION} open ones of its organization on this node is closed with 1013
 * at once.
 */
@ServerEndpoint("/ws/events")
public class OrganizationEventsEndpoint {

    private static final Logger LOG = Logger.getLogger(OrganizationEventsEndpoint.class.getName());

    /** Messages a socket may have waiting: room for a burst of events (a few hundred KB), not for a client that stopped. */
    private static final int BACKLOG = 500;

    /** How long one message may take to reach the client before it counts as gone (then closed with 1013). */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    CallerAuthentication authentication;

    @Inject
    OrganizationEventHub hub;

    private UUID organizationId;
    private SessionListener listener;

    @OnOpen
    public void open(Session session) {
        List<String> tokens = session.getRequestParameterMap().get("access_token");
        String token = tokens == null || tokens.isEmpty() ? null : tokens.get(0);
        Caller caller;
        try {
            if (token == null || token.isBlank()) {
                throw DomainException.unauthenticated("missing_credentials", "An access_token query parameter is required");
            }
            caller = authentication.authenticateBearer(token);
        } catch (DomainException | EJBException e) {
            refuse(session, e instanceof DomainException d ? d.getMessage() : "The access token is not valid");
            return;
        }
        organizationId = caller.organizationId();
        listener = new SessionListener(session, CredentialCheck.of(() -> authentication.authenticateBearer(token)), caller.userId());
        String connected = Jsonp.createObjectBuilder().add("source", "server").add("event", "connected")
                .add("organization_id", organizationId.toString()).build().toString();
        if (!hub.addSocket(organizationId, listener, connected)) {
            listener = null;
            close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too many open sockets of this organization on this server");
        }
    }

    @OnClose
    public void close(Session session) {
        if (listener != null) {
            hub.remove(organizationId, listener);
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "WebSocket of organization " + organizationId + " failed", failure);
        close(session);
    }

    private static void refuse(Session session, String reason) {
        close(session, CloseReason.CloseCodes.VIOLATED_POLICY, reason);
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            // A close reason is at most 123 bytes.
            String text = reason.length() > 100 ? reason.substring(0, 100) : reason;
            session.close(new CloseReason(code, text));
        } catch (IOException e) {
            // The client is gone already.
        }
    }

    /**
     * Hands each message to the socket's {@link SocketSender}: the hub's threads serve every socket of the node,
     * so they only queue, and a socket that falls behind is closed rather than waited for.
     */
    private static final class SessionListener implements OrganizationEventHub.Listener {

        private final SocketSender sender;
        private final CredentialCheck credential;
        private final UUID personId;

        SessionListener(Session session, CredentialCheck credential, UUID personId) {
            this.sender = new SocketSender(session, BACKLOG, SEND_TIMEOUT, System::nanoTime);
            this.credential = credential;
            this.personId = personId;
        }

        @Override
        public UUID personId() {
            return personId;
        }

        @Override
        public void recheck() {
            if (!sender.isClosed() && !credential.holds()) {
                sender.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "The credential is no longer valid"));
            }
        }

        @Override
        public void deliver(String json) {
            sender.send(json);
        }

        @Override
        public boolean isClosed() { return sender.isClosed(); }
    }
}
