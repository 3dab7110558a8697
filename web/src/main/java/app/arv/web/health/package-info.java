/**
 * {@code GET /admin/health} ({@link HealthAdminResource}): every health check with the details the public
 * {@code /health/*} leave out (versions, endpoints, errors), for platform admins only. The checks are in
 * {@code app.arv.platform.health}.
 */
package app.arv.web.health;
