/**
 * Media: every file an organization keeps, checked on the way in, stored once, served fast.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>A {@code MediaResource} is one stored object: SHA-256, size, type sniffed from the bytes,
 *       sanitized original name, pixel size, storage connection and key. Live resources are unique
 *       per (organization, sha256): identical bytes are stored once per organization, never shared
 *       across organizations. Deleted rows stay as tombstones ({@code deleted_at}).</li>
 *   <li>A {@code MediaAttachment} says which owner (an {@code OwnerKind} + id) uses a resource in
 *       which role: {@code UPLOAD} — the organization's library, owner id = the organization's id
 *       (so one library entry per content, whoever uploaded it: uploading the same bytes again is
 *       idempotent, and {@code DELETE /media/{id}} removes the library entry for the whole
 *       organization); {@code MEDIA} — another resource, e.g. the original a {@code THUMBNAIL} was
 *       made from; {@code AR_CONTENT}, {@code PROJECT}, {@code GENERATION_ITEM} — the features'
 *       entities. A new owner adds its kind to {@code OwnerKind} (and to the database's check).</li>
 *   <li>Owners go through {@link app.arv.media.MediaStore}: store, attach, open, and release — one
 *       attachment, or everything an owner holds when it goes away.</li>
 *   <li>A resource without attachments is an orphan. Releasing the last attachment retires it at
 *       once ({@link app.arv.media.MediaDisposal}); the {@link app.arv.media.OrphanScan} catches the
 *       ones left behind otherwise (after {@code arv.media.orphan-grace}).</li>
 * </ul>
 *
 * <h2>Uploads are all or nothing</h2>
 * Every file of a request is spooled to disk (hashed while streaming, size-capped), sniffed,
 * header-checked (pixel limit before any decoding) and decoded (subsampled) before anything is
 * stored; one bad file refuses the whole request with a problem naming it, and nothing is kept.
 * If storing fails half-way, the objects already written are deleted again and the transaction
 * rolls back. Objects are written before the transaction that records them: each is owed a deletion (a
 * {@code media_deletion} row naming no resource, committed on its own) before it is written, and the recording
 * transaction removes it ({@link app.arv.media.StagedObjects}). A node that dies in between leaves the row; once older
 * than {@code arv.media.orphan-grace} it is due like any other owed deletion — no store is ever listed.
 *
 * <h2>Deletion</h2>
 * Retiring a resource writes a {@code media_deletion} row in the same transaction; the object is
 * deleted right after commit (registered where the retirement is decided: callers do nothing), failures are retried with exponential backoff by a timer, and after
 * {@code arv.media.delete-attempts} failures the row becomes a dead letter for admins. A round locks a row only
 * while it is still due (another node may have tried it meanwhile), and once a store refused a deletion the round
 * counts that refusal for the store's others without asking it again ({@link app.arv.media.RemovalRound}, which the
 * {@link app.arv.media.OrphanScan} uses for expired uploads too).
 */
package app.arv.media;
