package app.arv.persistence.marker;

/** What the viewer shows on a found target. */
public enum OverlayKind {
    VIDEO, GLB
}
