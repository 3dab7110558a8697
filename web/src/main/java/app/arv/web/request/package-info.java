/**
 * What happens to every request around the resources. {@link RequestIdFilter} resolves the client's
 * address (through trusted proxies), gives the request an id, starts {@code logging}'s request context (which carries id
 * and organization to logs and problems) and writes the access-log line. {@link SecurityHeaders} sets the
 * browser-facing protections on every answer (rules in {@link SecurityHeaderRules}), {@link CorsFilter}
 * the CORS headers for the origins {@link CorsRules} names (on a filter's own refusal too). {@link RequestBodyLimit} cuts multipart bodies off at the
 * configured size while they stream in, before anything is buffered. {@link IdempotencyFilter} is the
 * HTTP side of {@code Idempotency-Key} on {@link Idempotent} methods (the rules are in
 * {@code app.arv.idempotency}), {@link HeldClaimRelease} ends the renewal of a request's claim when the request
 * ends, however it ends; {@link EndpointMetrics} counts and times requests per route template.
 * {@link PagingOnlyOnListings} refuses {@code ?limit=&offset=} where nothing is paged.
 * Uses {@code app.arv.security}, {@code app.arv.media}'s upload rules, {@code json}'s paging, {@code problem},
 * {@code logging}, {@code security}'s caller and {@code protection}'s header names; the body's overflow and early end
 * are {@code problem}'s {@code RequestBodyFailures}, which the mappers recognise without knowing this package.
 */
package app.arv.web.request;
