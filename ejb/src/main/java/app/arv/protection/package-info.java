/**
 * Protection of the installation from its clients: request rate limits and organization quotas.
 *
 * <h2>Rate limits</h2>
 * One mechanism, {@link app.arv.protection.RateLimiter}: fixed windows (a minute, an hour) aligned to
 * the clock, counted in Redis (one atomic script call per request) so every node draws from the same ones.
 * {@link app.arv.protection.RequestLimits} says whose bucket a request takes from and how big it is:
 * per credential (API key, or the user of a JWT) and per organization (all its credentials together), with the
 * organization's overrides; per client
 * address for anonymous calls, and the public viewer's own limit per client address (an IPv6 client
 * by its /64, {@link app.arv.protection.ClientNetwork}). When Redis is
 * away, requests are served unlimited (fail open) rather than refused.
 *
 * <h2>Quotas</h2>
 * {@link app.arv.protection.Quotas}, checked in the transaction of the work they guard and before it
 * is done: stored bytes (under a per-organization lock held to the commit), generation items per
 * calendar month and the paid {@code fal} provider's monthly items (a conditional increment of a
 * counter row). A refused request leaves nothing behind. {@link app.arv.protection.QuotaOccurrences} warns the
 * organization at 80 % of a quota and tells it when one is reached, once per quota and period. The kinds are
 * {@link app.arv.protection.QuotaKind}s, each with the one name problems, {@code GET /usage}, the audit log and quota
 * occurrences give it.
 *
 * <p>May use: persistence (organization and quota repositories, audit actions), events (the Redis connection),
 * {@code audit} (a quota change is recorded), {@code notification} (quota warnings and exhaustion are occurrences),
 * {@code security} (the {@code Caller} a limit or a quota change is for), shared.
 */
package app.arv.protection;
