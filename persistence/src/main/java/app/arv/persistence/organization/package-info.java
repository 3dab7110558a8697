/**
 * The tenants: an {@link Organization} owns users, keys, projects and every asset, and is the one
 * aggregate not itself tenant-owned (only platform code lists them). {@link OrganizationQuota} holds a
 * platform admin's overrides of its limits ({@code null} = the installation's default);
 * {@link OrganizationQuotaRepository} also counts what an organization used, under a transaction-scoped
 * lock where two concurrent requests must not both take the last of a quota. Used by
 * {@code app.arv.organization}, {@code app.arv.protection}, and wherever a deactivated organization must
 * be refused (sign-in, credential resolution, the public viewer).
 */
package app.arv.persistence.organization;
