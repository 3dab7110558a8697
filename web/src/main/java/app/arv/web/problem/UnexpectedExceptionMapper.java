package app.arv.web.problem;

import app.arv.shared.DatabaseOutage;
import app.arv.shared.DomainException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: whatever escaped becomes a 500 problem that names the request id — the stack trace
 * and any SQL go to the log, never to the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof DomainException domain) {
            return new DomainExceptionMapper().toResponse(domain);
        }
        RequestBodyFailures.TooLarge overflow = RequestBodyFailures.overflowIn(failure);
        if (overflow != null) {
            return RequestBodyFailures.refusal(overflow);
        }
        if (RequestBodyFailures.endedEarly(failure)) {
            // The client went away mid-body: nothing of ours failed, and the answer likely reaches nobody.
            LOG.log(Level.FINE, "Request body ended early", failure);
            return new DomainExceptionMapper().toResponse(DomainException.bodyIncomplete());
        }
        if (cause instanceof OutOfMemoryError) {
            // Memory pressure is the node's state, not the request's fault (and never a "corrupt file"): try again.
            LOG.log(Level.WARNING, "Out of memory while handling a request", failure);
            return new DomainExceptionMapper().toResponse(DomainException.busy(
                    "The server is short of memory right now; try again shortly", Duration.ofSeconds(5)));
        }
        if (DatabaseOutage.causedBy(failure)) {
            // One line, not a stack per request: readiness says DOWN meanwhile, and that is where operators look.
            LOG.warning(() -> "The database is unreachable: " + failure);
            return new DomainExceptionMapper().toResponse(DomainException.databaseUnavailable());
        }
        Optional<Exception> collision = ConcurrentChange.in(failure);
        if (collision.isPresent()) {
            LOG.warning(() -> "A concurrent change won a race nothing locked against: " + collision.get().getMessage());
            return new DomainExceptionMapper().toResponse(DomainException.conflict("concurrent_change",
                    "Another request changed the same data at the same moment; read it again and retry"));
        }
        if ((cause instanceof ProcessingException || cause instanceof IllegalArgumentException) && MalformedBody.causedBy(cause)) {
            return MalformedBody.problem(cause).toResponse();
        }
        return internalError(failure);
    }

    static Response internalError(Throwable failure) {
        LOG.log(Level.SEVERE, "Unexpected failure", failure);
        return Problem.of(500, "internal_error", "Something went wrong on our side; quote the request id when you report it")
                .toResponse();
    }
}
