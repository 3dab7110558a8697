package app.arv.marker;

import app.arv.protection.RequestLimits;
import app.arv.protection.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * At most {@code arv.viewer.requests-per-minute} public viewer requests per client address, through
 * the API's own rate limiter ({@link RequestLimits#admitViewer}): shared by every node through
 * Redis, open if Redis is away. Per address, not per AR content: the unique ids are the only secret
 * of the viewer, and one client walking through many of them is what must be slowed. For the viewer
 * page, which is served outside JAX-RS; the viewer's API takes the same limit through its filter.
 */
@ApplicationScoped
public class ViewerRateLimit {

    @Inject
    RequestLimits limits;

    /** @return whole seconds until the client may retry, or 0 if this request is allowed */
    public long refusal(String client) {
        Verdict verdict = limits.admitViewer(client);
        return verdict.allowed() ? 0 : verdict.retryAfterSeconds();
    }
}
