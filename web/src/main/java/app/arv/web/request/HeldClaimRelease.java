package app.arv.web.request;

import app.arv.idempotency.HeldClaims;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

import java.util.UUID;

/**
 * Ends the renewal of an idempotency claim ({@link HeldClaims}) with the request that holds it. The container tells
 * every request's end, however it ended — answered, failed in the resource or a filter, the client gone mid-body — so
 * no claim is renewed for a request that is over, whether or not {@link IdempotencyFilter} settled its key.
 */
@WebListener
public class HeldClaimRelease implements ServletRequestListener {

    private static final String CLAIM = HeldClaimRelease.class.getName() + ".claim";

    @Inject
    HeldClaims claims;

    /** The request holds the claim (its lease renewed) until it ends. */
    static void holdUntilEnd(ServletRequest request, HeldClaims claims, UUID recordId) {
        request.setAttribute(CLAIM, recordId);
        claims.hold(recordId);
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (event.getServletRequest().getAttribute(CLAIM) instanceof UUID recordId) {
            claims.letGo(recordId);
        }
    }
}
