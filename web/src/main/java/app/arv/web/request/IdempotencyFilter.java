package app.arv.web.request;

import app.arv.idempotency.Claim;
import app.arv.idempotency.FingerprintedBody;
import app.arv.idempotency.HeldClaims;
import app.arv.idempotency.IdempotencyKeys;
import app.arv.idempotency.IdempotencyRules;
import app.arv.idempotency.IdempotencyScope;
import app.arv.idempotency.RequestLine;
import app.arv.idempotency.StoredAnswer;
import app.arv.media.UploadRules;
import app.arv.web.problem.DomainExceptionMapper;
import app.arv.web.problem.Problem;
import app.arv.web.security.CurrentCaller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side of {@code Idempotency-Key} on {@link Idempotent} methods. Before the method: claim
 * the key, or replay the stored answer, or refuse a reused key. The body is fingerprinted as the
 * method's own reader streams it (no buffering, independent of how multipart is parsed). After the
 * method: keep the answer (the body is captured before a byte goes to the client, so a client that
 * gave up still finds it) or release the key. While the request runs its node renews the claim's lease
 * ({@link HeldClaims}), until the request ends however it ends ({@link HeldClaimRelease}).
 *
 * <p>Runs after authentication and role checks: keys are scoped to the caller's credential.
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed answer (Stripe's name), so a client can tell. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final String KEEP = IdempotencyFilter.class.getName() + ".keep";
    private static final long POLL_MILLIS = 200;
    /** How much of a body its resource left unread is read to fingerprint it; the least a replay reads. */
    private static final long BODY_SLACK = 1024 * 1024;

    @Inject
    IdempotencyKeys keys;

    @Inject
    IdempotencyRules rules;

    @Inject
    UploadRules uploads;

    @Inject
    CurrentCaller caller;

    @Inject
    HeldClaims heldClaims;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return;
        }
        if (!IdempotencyKeys.wellFormed(key)) {
            throw IdempotencyKeys.malformedKey();
        }
        IdempotencyScope scope = IdempotencyScope.of(caller.get());
        String requestLine = requestLine(request);
        Instant giveUp = Instant.now().plus(rules.waitForFirst());
        while (true) {
            Claim claim = keys.begin(scope, key, requestLine);
            if (claim instanceof Claim.Granted granted) {
                FingerprintedBody body = new FingerprintedBody(request.getEntityStream(), request.getHeaderString(HttpHeaders.CONTENT_TYPE));
                request.setEntityStream(body);
                request.setProperty(CLAIM, new Held(granted.recordId(), body));
                HeldClaimRelease.holdUntilEnd(servletRequest, heldClaims, granted.recordId());
                return;
            }
            if (claim instanceof Claim.Answered answered) {
                request.abortWith(replay(answered.answer(), request, requestLine));
                return;
            }
            if (!((Claim.Pending) claim).requestLine().equals(requestLine)) {
                throw IdempotencyKeys.keyReused();
            }
            if (Instant.now().isAfter(giveUp)) {
                request.abortWith(Response.fromResponse(new DomainExceptionMapper().toResponse(IdempotencyKeys.inProgress()))
                        .header(HttpHeaders.RETRY_AFTER, "1").build());
                return;
            }
            pause();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Held held)) {
            return;
        }
        request.removeProperty(CLAIM);
        boolean whole;
        try {
            whole = held.body().readToEnd(BODY_SLACK);
        } catch (IOException e) {
            whole = false;
        }
        try {
            if (!whole || !StoredAnswer.keeps(response.getStatus(), codeOf(response))) {
                keys.release(held.recordId());
            } else if (!response.hasEntity() || secretInAnswer() && succeeded(response.getStatus())) {
                // A secret's answer is kept without its body: a duplicate is refused (replay), never shown the secret.
                keys.complete(held.recordId(), held.body().sha256(), response.getStatus(), null, location(response), new byte[0]);
            } else {
                request.setProperty(KEEP, new Keep(held.recordId(), held.body().sha256(), response.getStatus()));
            }
        } catch (RuntimeException e) {
            // The work's answer still goes out; the claim lapses after arv.idempotency.lease.
            LOG.log(Level.WARNING, "Idempotency record could not be settled", e);
        }
    }

    /** The answer's bytes are kept before any of them goes to the client. */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(KEEP) instanceof Keep keep)) {
            context.proceed();
            return;
        }
        context.removeProperty(KEEP);
        OutputStream client = context.getOutputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        context.setOutputStream(answer);
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            keys.release(keep.recordId());
            throw e;
        }
        byte[] bytes = answer.toByteArray();
        try {
            Object location = context.getHeaders().getFirst(HttpHeaders.LOCATION);
            keys.complete(keep.recordId(), keep.bodySha256(), keep.status(),
                    context.getMediaType() == null ? null : context.getMediaType().toString(),
                    location == null ? null : location.toString(), bytes);
        } catch (RuntimeException e) {
            // The work is done and answered; only its replay is lost (the claim lapses after the lease).
            LOG.log(Level.WARNING, "Idempotent answer could not be kept", e);
        }
        context.setOutputStream(client);
        client.write(bytes);
    }

    /** A duplicate: the stored answer if the request is the same one (its body read through the fingerprint), else 422. */
    private Response replay(StoredAnswer answer, ContainerRequestContext request, String requestLine) throws IOException {
        if (!answer.requestLine().equals(requestLine)) {
            throw IdempotencyKeys.keyReused();
        }
        FingerprintedBody body = new FingerprintedBody(request.getEntityStream(), request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        if (!body.readToEnd(longestAnswerable(uploads)) || !answer.answers(requestLine, body.sha256())) {
            throw IdempotencyKeys.keyReused();
        }
        if (secretInAnswer() && succeeded(answer.status())) {
            return Response.fromResponse(new DomainExceptionMapper().toResponse(IdempotencyKeys.answeredOnce()))
                    .header(HttpHeaders.LOCATION, answer.location()).header(REPLAYED, "true").build();
        }
        Response.ResponseBuilder replay = Response.status(answer.status()).header(REPLAYED, "true");
        if (answer.body().length > 0) {
            replay.entity(answer.body()).type(answer.contentType());
        }
        if (answer.location() != null) {
            replay.header(HttpHeaders.LOCATION, answer.location());
        }
        return replay.build();
    }

    /**
     * The longest body a kept answer can have been for: a multipart request past {@link UploadRules#maxRequestBytes()}
     * ({@code ARV_MEDIA_MAX_REQUEST_BYTES}, the one setting) was refused while it streamed in; never less than
     * {@value #BODY_SLACK} bytes. A longer body is not the same request.
     */
    static long longestAnswerable(UploadRules uploads) {
        return Math.max(uploads.maxRequestBytes(), BODY_SLACK);
    }

    /**
     * Method, path with query, and media type (not its boundary): what, besides the body, makes two requests the same;
     * in the form it is stored in ({@link RequestLine}: a query string of kilobytes does not fit the column as it is).
     */
    private static String requestLine(ContainerRequestContext request) {
        var uri = request.getUriInfo().getRequestUri();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        MediaType type = request.getMediaType();
        return RequestLine.stored(request.getMethod() + " " + uri.getRawPath() + query + " "
                + (type == null ? "" : type.getType() + "/" + type.getSubtype()));
    }

    /** The problem's code of a refusal (which 422s are kept depends on it); {@code null} for any other answer. */
    private static String codeOf(ContainerResponseContext response) {
        return response.getEntity() instanceof Problem problem ? problem.code() : null;
    }

    private boolean secretInAnswer() {
        Idempotent idempotent = resource.getResourceMethod().getAnnotation(Idempotent.class);
        return idempotent != null && idempotent.secretInAnswer();
    }

    private static boolean succeeded(int status) {
        return status >= 200 && status < 300;
    }

    private static String location(ContainerResponseContext response) {
        return response.getLocation() == null ? null : response.getLocation().toString();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("Interrupted while waiting for the first request", e));
        }
    }

    private record Held(UUID recordId, FingerprintedBody body) {
    }

    private record Keep(UUID recordId, byte[] bodySha256, int status) {
    }
}
