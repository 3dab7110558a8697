/**
 * {@code GET /me} ({@link MeResource}): the calling person or key, its organization and its roles — what
 * a client asks first to learn what it may do. Any authenticated caller; uses {@code app.arv.security}
 * and {@code app.arv.organization}.
 */
package app.arv.web.me;
