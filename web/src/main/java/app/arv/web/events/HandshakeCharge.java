package app.arv.web.events;

import app.arv.protection.LimitExceeded;
import app.arv.protection.RequestLimits;
import app.arv.protection.Verdict;
import app.arv.security.CallerAuthentication;
import app.arv.security.TrustedProxies;
import app.arv.shared.DomainException;
import app.arv.web.problem.UnexpectedExceptionMapper;
import app.arv.web.protection.LimitExceededMapper;
import app.arv.web.request.RequestIdFilter;
import app.arv.web.request.ServletProblem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Counts a WebSocket handshake's refused credential against its client address's anonymous bucket, as
 * {@code AuthenticationFilter} does for the API. The endpoint checks the credential after the upgrade, where no request
 * filter runs, so without this made-up tokens and keys could be tried there without limit, a lookup each. Once the
 * bucket is spent the handshake is answered 429 {@code rate_limited} with {@code Retry-After} before the upgrade and
 * before any lookup; a refused credential within the limit still reaches the endpoint, which closes the socket with
 * 1008 as documented (checking it once more: the refusal is what was charged for). A database outage during the
 * check is answered as the API answers it (503), not as a refused credential.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class HandshakeCharge extends HttpFilter {

    /** A handshake's answer carries no rate-limit headers (a browser's WebSocket cannot read them). */
    private static final Consumer<Verdict> NO_HEADERS = verdict -> {
    };

    @Inject
    CallerAuthentication authentication;

    @Inject
    RequestLimits limits;

    @Inject
    TrustedProxies trustedProxies;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String token = request.getParameter("access_token");
        if (token != null && !token.isBlank()) {
            try {
                String bearer = token.strip();
                limits.chargingRefusals(RequestIdFilter.clientOf(trustedProxies, request),
                        beforeLookup -> authentication.authenticateBearer(bearer, beforeLookup), NO_HEADERS);
            } catch (LimitExceeded spent) {
                ServletProblem.write(request, response, new LimitExceededMapper().toResponse(spent), false);
                return;
            } catch (DomainException refused) {
                if (refused.status() != 401) {
                    ServletProblem.write(request, response, new UnexpectedExceptionMapper().toResponse(refused), false);
                    return;
                }
                // Refused and charged: the endpoint closes the socket with 1008, as documented.
            } catch (RuntimeException failure) {
                ServletProblem.write(request, response, new UnexpectedExceptionMapper().toResponse(failure), false);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
