/**
 * Idempotency keys: a client that sends {@code Idempotency-Key} with a request that creates things
 * ({@code POST /generations} (JSON or uploads), {@code /media}, {@code /projects/{id}/ar-content[/batch]}, and
 * {@code /api-keys} and {@code /webhooks}, whose kept answer holds the one-time secret) may send it
 * again — after a timeout, from another node — and get the first answer instead of a second job.
 *
 * <h2>Model</h2>
 * A key belongs to one credential of one organization ({@link app.arv.idempotency.IdempotencyScope}).
 * Its record in PostgreSQL is first a claim (the request doing the work, with a lease in case its
 * node dies: the node renews it while the request runs, {@link app.arv.idempotency.HeldClaims}, so only a
 * dead node's claim runs out and is taken over by a retry), then the answer: status, {@code Content-Type}, {@code Location} and body, kept for
 * {@code arv.idempotency.retention} with the request's fingerprint (method, path and query, media
 * type, SHA-256 of the body with a multipart boundary normalized). A request line too long for its
 * column is kept as its digest ({@link app.arv.idempotency.RequestLine}).
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Same key, same fingerprint, answered: the answer is replayed; nothing runs again.</li>
 *   <li>Same key, other fingerprint: 422 {@code idempotency_key_reused}.</li>
 *   <li>Same key while the first request still runs: the duplicate waits for its answer (up to
 *       {@code arv.idempotency.wait}), then replays it — or gets 409 {@code idempotency_in_progress}
 *       with {@code Retry-After}. The work is done once.</li>
 *   <li>Only answers that depend on the request alone are kept: 2xx, 400, 415, and the 422s whose
 *       code says the request itself is at fault ({@link app.arv.idempotency.StoredAnswer#keeps}) — and
 *       only when the whole body was read. Anything else (5xx, 503, 429, 404 of something that may
 *       appear, a 422 against the server's settings or stored state such as {@code endpoint_not_allowed}
 *       or {@code unknown_provider}) releases the key, so the client's retry does the work.</li>
 * </ul>
 * Uses {@code app.arv.persistence.idempotency}, {@code app.arv.security} (the caller a key belongs to),
 * {@code app.arv.platform} (its timers: renewing held claims, deleting expired records) and {@code shared}; knows nothing of HTTP beyond status numbers (the web
 * layer's {@code Idempotent} filter does the HTTP side).
 */
package app.arv.idempotency;
