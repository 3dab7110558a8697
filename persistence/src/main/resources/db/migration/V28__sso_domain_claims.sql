-- An organization's e-mail domain is a claim: it admits nobody through single sign-on until a platform admin (the
-- operator of the installation) approves it, because an organization admin proves no ownership of a domain by naming
-- it (anybody may sign up an organization and name bigcorp.com). Several organizations may claim one domain while
-- their claims are pending; one approved claim per domain at most (the partial unique index).
-- Domains stored before count as approved, so existing installations keep working; who claimed them is not known.
ALTER TABLE organization_sso_domain DROP CONSTRAINT organization_sso_domain_pkey;
ALTER TABLE organization_sso_domain ADD PRIMARY KEY (organization_id, domain);
DROP INDEX organization_sso_domain_organization;
ALTER TABLE organization_sso_domain ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'approved'
    CHECK (state IN ('pending', 'approved', 'refused'));
ALTER TABLE organization_sso_domain ALTER COLUMN state DROP DEFAULT;
-- Who claimed it (an e-mail address or an API key's name, kept as the audit log keeps actors) and when (created_at).
ALTER TABLE organization_sso_domain ADD COLUMN claimed_by VARCHAR(320);
-- The platform admin who approved or refused it, and when.
ALTER TABLE organization_sso_domain ADD COLUMN decided_by VARCHAR(320);
ALTER TABLE organization_sso_domain ADD COLUMN decided_at TIMESTAMPTZ;
CREATE UNIQUE INDEX organization_sso_domain_approved ON organization_sso_domain (domain) WHERE state = 'approved';
CREATE INDEX organization_sso_domain_by_state ON organization_sso_domain (state, created_at);
