package app.arv.persistence.identity;

/** A person's role inside their organization. */
public enum Role {
    /** Manages the organization's users, API keys and storage, and everything a member can do. */
    ADMIN,
    /** Works with projects and assets. */
    MEMBER
}
