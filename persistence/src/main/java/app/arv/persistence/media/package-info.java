/**
 * Media as stored: a {@link MediaResource} is one object in a store (hash, size, sniffed type, key), kept
 * once per organization and content; a {@link MediaAttachment} says which owner ({@link OwnerKind} and
 * id, not a foreign key, so any entity can hold media) uses it in which {@link MediaRole}. Deletions the
 * stores still owe are {@link MediaDeletion}s, those that kept failing {@link MediaDeletionDeadLetter}s;
 * a {@link MediaUpload} is an announced direct-to-storage upload. The repositories scope every query by
 * organization except the platform jobs' (orphan scan, deletion retries), which are marked. The rules
 * (what is an orphan, when an object goes) live in {@code app.arv.media}, which uses this package.
 */
package app.arv.persistence.media;
