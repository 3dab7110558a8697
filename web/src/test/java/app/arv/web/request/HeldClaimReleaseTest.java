package app.arv.web.request;

import app.arv.idempotency.HeldClaims;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's idempotency claim is renewed only while the request lasts, however it ends. */
class HeldClaimReleaseTest {

    private final HeldClaims claims = new HeldClaims();
    private final HeldClaimRelease release = new HeldClaimRelease();

    HeldClaimReleaseTest() {
        release.claims = claims;
    }

    @Test
    void aClaimIsLetGoWhenItsRequestEndsWithoutItsAnswerSettled() {
        ServletRequest request = request();
        UUID recordId = UUID.randomUUID();
        HeldClaimRelease.holdUntilEnd(request, claims, recordId);
        assertThat(claims.held()).containsExactly(recordId);

        // The resource failed, or the client went away mid-body: no response filter settled the key, the request just ends.
        release.requestDestroyed(ended(request));

        assertThat(claims.held()).isEmpty();
    }

    @Test
    void aRequestEndingLetsGoOfItsOwnClaimOnly() {
        ServletRequest finished = request();
        ServletRequest running = request();
        UUID finishedClaim = UUID.randomUUID();
        UUID runningClaim = UUID.randomUUID();
        HeldClaimRelease.holdUntilEnd(finished, claims, finishedClaim);
        HeldClaimRelease.holdUntilEnd(running, claims, runningClaim);

        release.requestDestroyed(ended(finished));
        release.requestDestroyed(ended(request()));

        assertThat(claims.held()).containsExactly(runningClaim);
    }

    private static ServletRequestEvent ended(ServletRequest request) {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(HeldClaimReleaseTest.class.getClassLoader(),
                new Class<?>[]{ServletContext.class}, (proxy, method, args) -> null);
        return new ServletRequestEvent(context, request);
    }

    /** A request with its attributes, as the container keeps them. */
    private static ServletRequest request() {
        Map<String, Object> attributes = new HashMap<>();
        return (ServletRequest) Proxy.newProxyInstance(HeldClaimReleaseTest.class.getClassLoader(), new Class<?>[]{ServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    default -> null;
                });
    }
}
