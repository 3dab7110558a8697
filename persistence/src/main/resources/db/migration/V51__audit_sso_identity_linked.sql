-- A provider account linked to an account at its first single sign-on joins the audit log (sso_identity.linked): the
-- action CHECK lists every AuditAction wire name, so it is replaced with the longer list.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN (
    'sign_in.succeeded', 'sign_in.failed',
    'api_key.created', 'api_key.revoked',
    'user.added', 'user.invited', 'user.invitation_revoked', 'user.changed', 'user.deactivated', 'user.password_set',
    'ar_content.published', 'ar_content.unpublished', 'ar_content.deleted',
    'storage_connection.created', 'storage_connection.changed', 'storage_connection.deleted',
    'organization.created', 'organization.changed', 'quota.changed', 'sso_domain.changed', 'sso_identity.linked',
    'webhook.created', 'webhook.changed', 'webhook.deleted', 'webhook.secret_rotated', 'webhook.disabled'));
