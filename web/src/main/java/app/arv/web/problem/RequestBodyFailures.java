package app.arv.web.problem;

import app.arv.shared.Causes;
import app.arv.shared.DomainException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/**
 * How a request body that did not arrive whole ends: past the size limit ({@link TooLarge}, thrown by the request
 * body filter's counting stream at the first byte past it) or broken off by its client ({@link Incomplete}). The
 * multipart reader and the container pass them on wrapped in their own failures; the mappers find them in the chain of
 * causes and answer 413 {@code payload_too_large} and 400 {@code body_incomplete}. They live with the problem format,
 * which the request filters use, so that the mappers need nothing of the filters.
 */
public final class RequestBodyFailures {

    private RequestBodyFailures() {
    }

    /** The 413 problem for a body past {@code limit} bytes. */
    public static DomainException tooLarge(long limit) {
        return DomainException.payloadTooLarge("The request body is larger than the limit of " + limit + " bytes", limit);
    }

    /** The 413 answer (closing the connection, so the rest of the body is never read) for an overflow the reader passed on. */
    public static Response refusal(TooLarge overflow) {
        return Response.fromResponse(new DomainExceptionMapper().toResponse(tooLarge(overflow.limit())))
                .header("Connection", "close").build();
    }

    /** The body's overflow somewhere in a chain of causes (the multipart reader wraps it), or {@code null}. */
    public static TooLarge overflowIn(Throwable failure) {
        return Causes.find(failure, TooLarge.class).orElse(null);
    }

    /** Whether a chain of causes holds the body's {@link Incomplete} end. */
    public static boolean endedEarly(Throwable failure) {
        return Causes.find(failure, Incomplete.class).isPresent();
    }

    /** Thrown by the body's stream at the first byte past the limit; the multipart reader passes it on. */
    public static final class TooLarge extends IOException {

        private final long limit;

        public TooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** Thrown by the body's stream when the connection fails before the body's end; the multipart reader passes it on. */
    public static final class Incomplete extends IOException {

        public Incomplete(IOException cause) {
            super("request body ended early: " + cause, cause);
        }
    }
}
