package app.arv.persistence.audit;

/** Who did what an {@link AuditEvent} records. */
public enum ActorKind {
    /** A person of the organization, signed in. */
    PERSON,
    API_KEY,
    /** An operator of the installation, acting on any organization. */
    PLATFORM_ADMIN,
    /** ARV itself: timers and background work. */
    SYSTEM,
    /** Nobody signed in: a failed sign-in, where the label is the address that was tried. */
    ANONYMOUS
}
