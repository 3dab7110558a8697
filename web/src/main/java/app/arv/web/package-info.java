/**
 * The web layer: ARV's HTTP API under {@code /api/v1} ({@link ArvApplication}, with the OpenAPI
 * definition), the {@code /ws/events} WebSocket, the AR viewer page and the filters and mappers around
 * them. A resource method reads as: validate the input, take the caller, call one service of the
 * {@code ejb} module, map the result to a view record. Rules live in the services and entities, not here;
 * the web layer reads persistence's entities and imaging's reports only to build views. Nothing below
 * uses the web layer.
 *
 * <p>Sub-packages by domain hold the resources and their views; the shared plumbing is in
 * {@code security} (who is calling, role checks), {@code request} (request id, CORS, security headers,
 * body limits, idempotency, metrics), {@code protection} (rate limits), {@code problem} (every error as an
 * RFC 9457 problem), {@code json} (JSON-B settings, paging) and {@code logging} (JSON log lines). Every
 * {@code /api/v1} link and {@code Location} is made in one place in this package, never written by hand;
 * multipart bodies are read, and stored objects streamed, by one helper each in {@code media}.
 */
package app.arv.web;
