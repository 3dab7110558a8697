package app.arv.persistence.media;

/**
 * What kind of entity holds a media resource ({@link MediaAttachment}). Stored by name in
 * {@code media_attachment.entity_kind}: a constant's name must never change.
 */
public enum OwnerKind {
    /** The organization's media library: what was uploaded and not yet deleted. Its id is the organization's. */
    UPLOAD,
    /** Another media resource, e.g. the original a thumbnail was made from. */
    MEDIA,
    /** AR content: its portrait, compiled marker and overlays. */
    AR_CONTENT,
    /** A project: its marker packs. */
    PROJECT,
    /** A generation item: its source image, model and preview. */
    GENERATION_ITEM
}
