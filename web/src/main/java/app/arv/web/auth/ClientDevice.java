package app.arv.web.auth;

import app.arv.identity.Device;
import app.arv.web.logging.RequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/** The device a request comes from, as a session records it: its {@code User-Agent} and client address. */
public final class ClientDevice {

    private ClientDevice() {
    }

    public static Device of(HttpHeaders headers) {
        String agent = headers.getHeaderString(HttpHeaders.USER_AGENT);
        return new Device(agent == null || agent.isBlank() ? null : agent.strip(), RequestContext.clientAddress());
    }
}
