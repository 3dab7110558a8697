-- Single sign-on (OpenID Connect).

-- E-mail domains whose verified addresses may join an organization through an identity provider;
-- set by the organization's admin. A domain belongs to one organization at most.
CREATE TABLE organization_sso_domain (
    domain           VARCHAR(253) PRIMARY KEY CHECK (domain = lower(domain)),
    organization_id  UUID         NOT NULL REFERENCES organization (id),
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX organization_sso_domain_organization ON organization_sso_domain (organization_id);

-- Which provider account (provider name + its subject) a user signed in with.
CREATE TABLE user_external_identity (
    provider    VARCHAR(63)  NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    user_id     UUID         NOT NULL REFERENCES app_user (id),
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, subject)
);
CREATE INDEX user_external_identity_user ON user_external_identity (user_id);

-- Sign-ins under way: what the callback needs, keyed by the state sent to the provider; used once.
CREATE TABLE oidc_login (
    state          VARCHAR(64)  PRIMARY KEY,
    provider       VARCHAR(63)  NOT NULL,
    nonce          VARCHAR(64)  NOT NULL,
    code_verifier  VARCHAR(128) NOT NULL,
    redirect_uri   VARCHAR(2000) NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX oidc_login_expires ON oidc_login (expires_at);
