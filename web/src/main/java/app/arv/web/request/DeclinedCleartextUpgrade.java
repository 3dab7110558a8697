package app.arv.web.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Declines a client's offer to upgrade a cleartext connection to HTTP/2 ({@code Upgrade: h2c}, which the JDK
 * HttpClient and {@code curl --http2} send) the way RFC 9113 §3.1 lets a server without h2c do: by answering in
 * HTTP/1.1 as if the offer was not there.
 *
 * <p>Why a filter is needed: ARV's listeners run without HTTP/2 (see the Payara pre-boot commands), yet Grizzly still
 * marks such a request as an upgrade and, while it is marked, writes responses without their content modifiers —
 * no {@code Content-Type}, no chunking. Grizzly clears the mark only when the request ends (its issue 2192), so a
 * response committed earlier lost its {@code Content-Type}: every Server-Sent Events stream and every streamed
 * download (a media file, a model, a ZIP) of such a client. This clears the mark before anything is written.
 *
 * <p>Grizzly's request is reached through Payara's (GlassFish's) connector classes by reflection: the WAR must not
 * link against them, and on another server (WildFly) the request is another class and the filter does nothing.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DeclinedCleartextUpgrade extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DeclinedCleartextUpgrade.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String upgrade = request.getHeader("Upgrade");
        if (upgrade != null && upgrade.strip().equalsIgnoreCase("h2c")) {
            declineUpgrade(request);
        }
        chain.doFilter(request, response);
    }

    /**
     * Clears Grizzly's upgrade mark on the request packet behind Payara's request facade, reached with the facade's
     * own classes (looked up on the first such request, then kept); nothing on other servers.
     */
    private static void declineUpgrade(ServletRequest request) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        Accessors accessors = Accessors.of(unwrapped.getClass());
        if (accessors == null) {
            return;
        }
        try {
            Object grizzly = accessors.grizzlyRequest().invoke(accessors.catalinaRequest().invoke(unwrapped));
            accessors.ignoreContentModifiers().invoke(accessors.packet().invoke(grizzly), false);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "The h2c offer could not be declined; Grizzly keeps its upgrade mark", e);
        }
    }

    /** The methods on the way from Payara's request facade to Grizzly's flag. */
    private record Accessors(Method catalinaRequest, Method grizzlyRequest, Method packet, Method ignoreContentModifiers) {

        private static final String PAYARA_FACADE = "org.apache.catalina.connector.RequestFacade";
        private static volatile Accessors found;
        private static volatile boolean absent;

        /** The accessors when {@code facade} is Payara's request facade, else {@code null}. */
        static Accessors of(Class<?> facade) {
            if (absent || !facade.getName().equals(PAYARA_FACADE)) {
                return null;
            }
            Accessors known = found;
            if (known != null) {
                return known;
            }
            try {
                Method catalinaRequest = facade.getMethod("getUnwrappedCoyoteRequest");
                Method grizzlyRequest = catalinaRequest.getReturnType().getMethod("getCoyoteRequest");
                Method packet = grizzlyRequest.getReturnType().getMethod("getRequest");
                Method ignore = packet.getReturnType().getMethod("setIgnoreContentModifiers", boolean.class);
                found = new Accessors(catalinaRequest, grizzlyRequest, packet, ignore);
                return found;
            } catch (ReflectiveOperationException | LinkageError e) {
                absent = true;
                LOG.log(Level.WARNING, "Payara's request classes changed: h2c offers are left to Grizzly, whose responses"
                        + " committed early then lack their Content-Type", e);
                return null;
            }
        }
    }
}
