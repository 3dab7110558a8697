/**
 * Who is calling and what they may do: credentials (JWTs, API keys, bcrypt passwords), their
 * resolution into a {@link app.arv.security.Caller} with roles and the organizations it may see
 * ({@link app.arv.security.VisibleOrganizations}: a platform admin every one, anyone else their own), the per-node cache of resolved
 * credentials, the rules every new password must meet ({@link app.arv.security.PasswordPolicy}; {@link app.arv.security.ChosenPasswords} checks a chosen one and hashes it) and every new account's address ({@link app.arv.security.AccountAddresses}: free, checked under its lock) and the change notices that keep every node's cache honest, and the client address
 * behind trusted proxies. Uses persistence's identity repositories, Redis (through
 * {@code app.arv.events}, whose live connections it tells of a changed credential) and {@code platform}; knows nothing
 * of HTTP, and no feature package (they use it).
 */
package app.arv.security;
