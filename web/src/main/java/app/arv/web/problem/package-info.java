/**
 * One error format for every answer: an RFC 9457 {@link Problem} with a stable {@code code}, the request
 * id and, for rejected fields, {@code errors}. The mappers turn each kind of failure into one:
 * {@link DomainExceptionMapper} (a rule's refusal, status and code taken from the
 * {@link app.arv.shared.DomainException}), {@link ConstraintViolationMapper} (Bean Validation),
 * {@link WebApplicationExceptionMapper} (the JAX-RS runtime's own refusals), {@link UnexpectedExceptionMapper}
 * (anything else: a 500 naming the request id; the stack trace goes to the log, never to the client); and
 * {@link ContainerErrorPage} answers what the servlet container refuses before JAX-RS sees it;
 * {@link RequestBodyFailures} are the ends of a body that did not arrive whole (past the limit, broken off), thrown by
 * the request body filter and recognised by the mappers. Used by the filters that refuse requests themselves; uses
 * nothing of theirs.
 */
package app.arv.web.problem;
