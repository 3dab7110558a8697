-- Webhook changes join the audit log (registered, changed, deleted, secret rotated; switched off by ARV): the action
-- CHECK lists every AuditAction wire name and the subject type CHECK every SubjectType, so both are replaced with the
-- longer lists.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN (
    'sign_in.succeeded', 'sign_in.failed',
    'api_key.created', 'api_key.revoked',
    'user.added', 'user.invited', 'user.invitation_revoked', 'user.changed', 'user.deactivated', 'user.password_set',
    'ar_content.published', 'ar_content.unpublished', 'ar_content.deleted',
    'storage_connection.created', 'storage_connection.changed', 'storage_connection.deleted',
    'organization.created', 'organization.changed', 'quota.changed', 'sso_domain.changed',
    'webhook.created', 'webhook.changed', 'webhook.deleted', 'webhook.secret_rotated', 'webhook.disabled'));
ALTER TABLE audit_event DROP CONSTRAINT audit_event_subject_type_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_subject_type_check CHECK (subject_type IN ('user', 'api_key', 'ar_content',
    'storage_connection', 'organization', 'webhook'));
