/**
 * Request rate limits at the HTTP edge: {@link RateLimitFilter} counts every {@code /api/v1} request
 * against its caller's limit and its organization's, once the caller is known (before authorization, so refused calls count too),
 * answers 429 {@code rate_limited} with {@code Retry-After} past it, and sets the {@code X-RateLimit-*}
 * headers; {@link RateLimit} chooses the limit per endpoint (the public viewer's own, exempt for sign-in,
 * uploads as well for multipart methods). {@link LimitExceededMapper} answers a rate limit or quota refusal.
 * {@link RefusedCredentialCharge} charges a refused credential to its client address for the authentication filter.
 * The limiter and quotas are {@code app.arv.protection}'s. Uses {@code security} (the caller, and the hook it offers),
 * {@code logging}'s request context and {@code problem}; {@code request} uses its header names.
 */
package app.arv.web.protection;
