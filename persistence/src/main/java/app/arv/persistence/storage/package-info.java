/**
 * Where an organization keeps its files: a {@link StorageConnection} to a local directory or an S3
 * bucket ({@link StorageProvider}), at most one of them the default. The S3 secret is only ever held
 * here as ciphertext; decrypting it is the business of {@code app.arv.storage}, which uses this package
 * (the web layer only shows connections).
 */
package app.arv.persistence.storage;
