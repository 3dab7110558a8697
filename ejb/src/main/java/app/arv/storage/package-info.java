/**
 * Storage: one {@link app.arv.storage.ObjectStore} interface over a local directory or an S3 bucket,
 * organization connections that choose between them (S3 secrets AES-GCM encrypted at rest), and the
 * platform's default local store under {@code arv.data.dir/storage} for organizations without one.
 * Keys are made from ids only: {@code [base_path/]orgs/<organization>/media/<xx>/<resource id>}.
 */
package app.arv.storage;
