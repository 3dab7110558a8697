/**
 * {@code GET /me} ({@link MeResource}): the calling person or key, its organization and its roles — what
 * a client asks first to learn what it may do. Any authenticated caller; uses {@code app.arv.security}
 * and {@code app.arv.organization}. {@code POST /me/password} ({@link OwnPasswordResource}): a person changes their
 * own password (through {@code app.arv.identity}), ending the sessions opened before. {@code /me/sessions}
 * ({@link OwnSessionsResource}): the person's signed-in devices, listed and ended (through {@code app.arv.identity}).
 */
package app.arv.web.me;
