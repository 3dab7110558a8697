package app.arv.persistence.marker;

/** What the public viewer may do with AR content at a given time ({@link ArContent#visibilityAt}). */
public enum Visibility {
    /** Published, inside its schedule, with a compiled marker: the viewer shows it. */
    SHOWING,
    /** Published but past its expiry or active period: the experience has ended (410). */
    GONE,
    /** Unpublished, not active yet or without a marker: answered like unknown content (404). */
    HIDDEN
}
