/**
 * Storage over HTTP: {@link StorageConnectionResource} ({@code /storage-connections}: an organization's
 * local or S3 stores, their test and stats; the S3 secret is write-only, {@link StorageConnectionView} shows
 * only whether one is set) and {@link StorageAdminResource} ({@code /admin/storage}: usage, deletions still
 * owed and those that kept failing, the orphan scan on demand); {@link StorageConnectionInUseMapper} says what holds a
 * connection that cannot be moved or deleted. Uses {@code app.arv.storage} and {@code app.arv.media}.
 */
package app.arv.web.storage;
