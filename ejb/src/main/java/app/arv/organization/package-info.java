/**
 * Platform operators' work on customer organizations ({@link OrganizationService}): opening one (with its
 * first admin), renaming, deactivating and reactivating. Only platform admins call it — and a verified self-service
 * sign-up ({@code app.arv.identity.Signups}), which opens one the same way with a generated slug ({@link OrganizationSlug}); everything an
 * organization's own people do is in the feature packages. Uses persistence's organization and identity
 * repositories, {@code app.arv.security} and {@code shared}.
 */
package app.arv.organization;
