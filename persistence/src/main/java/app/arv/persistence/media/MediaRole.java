package app.arv.persistence.media;

/** What a media resource is to the entity it is attached to. */
public enum MediaRole {
    SOURCE_IMAGE, THUMBNAIL, MIND_TARGET, MODEL_GLB, OVERLAY_VIDEO, PREVIEW
}
