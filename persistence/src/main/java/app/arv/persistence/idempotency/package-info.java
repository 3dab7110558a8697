/**
 * Stored {@code Idempotency-Key}s: an {@link IdempotencyRecord} is first the claim of the request doing
 * the work (with a lease), then that request's answer, replayed to duplicates until it expires.
 * {@link IdempotencyRepository} looks records up by organization, credential and key, and deletes expired
 * ones under an advisory lock. The rules are in {@code app.arv.idempotency}, the only user.
 */
package app.arv.persistence.idempotency;
