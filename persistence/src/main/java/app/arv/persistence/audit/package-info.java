/**
 * The audit log as stored: {@link AuditEvent}s of an organization (what happened — an {@link AuditAction} —, who did
 * it — an {@link ActorKind}, id and label —, to what, from where, with JSON details), listed newest first through an
 * {@link AuditFilter} and deleted after the retention period by {@link AuditEventRepository}. Used by
 * {@code app.arv.audit}; {@code web} reads the entity and the enums to build views.
 */
package app.arv.persistence.audit;
