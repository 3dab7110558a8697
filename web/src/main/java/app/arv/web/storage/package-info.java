/**
 * Storage over HTTP: {@link StorageConnectionResource} ({@code /storage-connections}: an organization's
 * local or S3 stores, their test and stats; the S3 secret is write-only, {@link StorageConnectionView} shows
 * only whether one is set) and {@link StorageAdminResource} ({@code /admin/storage}: usage, deletions that
 * kept failing, the orphan scan on demand). Uses {@code app.arv.storage} and {@code app.arv.media}.
 */
package app.arv.web.storage;
