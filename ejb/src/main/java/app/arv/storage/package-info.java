/**
 * Storage: one {@link app.arv.storage.ObjectStore} interface over a local directory or an S3 bucket,
 * organization connections that choose between them (S3 secrets AES-GCM encrypted at rest), and the
 * platform's default local store under {@code arv.data.dir/storage} for organizations without one.
 * Keys are made from ids only: {@code [base_path/]orgs/<organization>/media/<xx>/<resource id>}.
 * A store's failure is a {@link app.arv.storage.StorageFailure} (503 {@code storage_unavailable}: it may be back
 * shortly), or a {@link app.arv.storage.StorageMisconfigured} when the store answered and refused the connection's
 * settings (502 {@code storage_misconfigured}: no retry heals it).
 */
package app.arv.storage;
