package app.arv.persistence.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an {@link AuditEvent} records. The wire name is what the API shows and filters by and what the
 * {@code audit_event.action} column holds (its CHECK constraint lists every one: a new action needs a migration);
 * each action says what kind of thing its subject is.
 */
public enum AuditAction {

    SIGN_IN_SUCCEEDED("sign_in.succeeded", SubjectType.USER),
    /** Wrong password, deactivated account or organization; the attempted address is the actor label. */
    SIGN_IN_FAILED("sign_in.failed", SubjectType.USER),
    API_KEY_CREATED("api_key.created", SubjectType.API_KEY),
    API_KEY_REVOKED("api_key.revoked", SubjectType.API_KEY),
    /** An account created with a password by an admin, or by single sign-on for an allowed e-mail domain. */
    USER_ADDED("user.added", SubjectType.USER),
    /** An invitation mailed to an address (recorded by invitations). */
    USER_INVITED("user.invited", SubjectType.USER),
    /** Role changed, or an account activated again. */
    USER_CHANGED("user.changed", SubjectType.USER),
    USER_DEACTIVATED("user.deactivated", SubjectType.USER),
    /** A password set by an admin, changed by its owner or reset by mail. */
    USER_PASSWORD_SET("user.password_set", SubjectType.USER),
    /** Content made public (created published, or published again); its schedule still decides when it shows. */
    AR_CONTENT_PUBLISHED("ar_content.published", SubjectType.AR_CONTENT),
    AR_CONTENT_UNPUBLISHED("ar_content.unpublished", SubjectType.AR_CONTENT),
    AR_CONTENT_DELETED("ar_content.deleted", SubjectType.AR_CONTENT),
    STORAGE_CONNECTION_CREATED("storage_connection.created", SubjectType.STORAGE_CONNECTION),
    STORAGE_CONNECTION_CHANGED("storage_connection.changed", SubjectType.STORAGE_CONNECTION),
    STORAGE_CONNECTION_DELETED("storage_connection.deleted", SubjectType.STORAGE_CONNECTION),
    /** An invitation revoked before it was accepted: its link stops working. */
    USER_INVITATION_REVOKED("user.invitation_revoked", SubjectType.USER),
    /** Opened by a platform admin, or by the person who signed it up (self-service sign-up). */
    ORGANIZATION_CREATED("organization.created", SubjectType.ORGANIZATION),
    /** Renamed, deactivated or activated by a platform admin. */
    ORGANIZATION_CHANGED("organization.changed", SubjectType.ORGANIZATION),
    /** Request limits or quotas overridden by a platform admin. */
    QUOTA_CHANGED("quota.changed", SubjectType.ORGANIZATION),
    /** The e-mail domains whose people single sign-on admits. */
    SSO_DOMAIN_CHANGED("sso_domain.changed", SubjectType.ORGANIZATION),
    /**
     * A provider account linked to an account at its first single sign-on: from then on it signs that account in,
     * whatever its address. Recorded at the link, not at a session, since a callback whose browser never finishes the
     * hand-off links all the same.
     */
    SSO_IDENTITY_LINKED("sso_identity.linked", SubjectType.USER),
    /** A webhook registered: where it posts and which events (never its secret). */
    WEBHOOK_CREATED("webhook.created", SubjectType.WEBHOOK),
    /** Its URL, events, description changed, or switched on or off by an admin. */
    WEBHOOK_CHANGED("webhook.changed", SubjectType.WEBHOOK),
    WEBHOOK_DELETED("webhook.deleted", SubjectType.WEBHOOK),
    /** A new signing secret (the entry never holds a secret). */
    WEBHOOK_SECRET_ROTATED("webhook.secret_rotated", SubjectType.WEBHOOK),
    /** Switched off by ARV itself (a system actor) because its deliveries kept dying. */
    WEBHOOK_DISABLED("webhook.disabled", SubjectType.WEBHOOK);

    private final String wireName;
    private final SubjectType subjectType;

    AuditAction(String wireName, SubjectType subjectType) {
        this.wireName = wireName;
        this.subjectType = subjectType;
    }

    public String wireName() {
        return wireName;
    }

    public SubjectType subjectType() {
        return subjectType;
    }

    public static Optional<AuditAction> named(String wireName) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(wireName)).findFirst();
    }

    /** The kinds of thing an event is about, as the {@code subject_type} column holds them. */
    public enum SubjectType {
        USER("user"), API_KEY("api_key"), AR_CONTENT("ar_content"), STORAGE_CONNECTION("storage_connection"), ORGANIZATION("organization"), WEBHOOK("webhook");

        private final String wireName;

        SubjectType(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
