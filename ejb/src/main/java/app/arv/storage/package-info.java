/**
 * Storage: one {@link app.arv.storage.ObjectStore} interface over a local directory or an S3 bucket,
 * organization connections that choose between them, and the
 * platform's default local store under {@code arv.data.dir/storage} for organizations without one.
 * The installation's {@link app.arv.storage.SecretCipher} keeps S3 secrets and webhook signing secrets AES-GCM encrypted
 * at rest, each sealed for its row: {@link app.arv.storage.SecretOwner} is the one place that says what a secret is bound
 * to; {@link app.arv.storage.SecretResealing} seals anew at start-up what an older release bound to its organization only
 * (it reads persistence's webhook rows for that, as it reads the storage connections).
 * Keys are made from ids only: {@code [base_path/]orgs/<organization>/media/<xx>/<resource id>}.
 * A store's failure is a {@link app.arv.storage.StorageFailure} (503 {@code storage_unavailable}: it may be back
 * shortly), or a {@link app.arv.storage.StorageMisconfigured} when the store answered and refused the connection's
 * settings (502 {@code storage_misconfigured}: no retry heals it).
 */
package app.arv.storage;
