/**
 * The audit log over HTTP: {@code GET /audit-events} for an organization's admins, {@code GET
 * /organizations/{id}/audit-events} for platform admins, with the filters of {@link app.arv.web.audit.AuditQuery}.
 * Reads through {@code app.arv.audit}; what fills the log is recorded by the services themselves.
 */
package app.arv.web.audit;
