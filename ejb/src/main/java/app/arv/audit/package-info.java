/**
 * The audit log of each organization: {@link app.arv.audit.AuditTrail} records an event where a service makes the
 * change (sign-ins, keys, people, published and deleted content, storage connections, organization settings), in the
 * same transaction, with who did it ({@link app.arv.audit.Actor}, from the {@code Caller}) and where the request came
 * from ({@link app.arv.audit.AuditOrigin}, set by the web layer); {@link app.arv.audit.AuditLog} reads it and
 * {@link app.arv.audit.AuditRetention} deletes what is older than {@code arv.audit.retention}. Uses
 * {@code app.arv.persistence.audit}, {@code app.arv.security} and {@code app.arv.platform}; the services of the other
 * domains use it, it uses none of them.
 */
package app.arv.audit;
