/**
 * Platform operators' work on customer organizations ({@link OrganizationService}): opening one (with its
 * first admin), renaming, deactivating and reactivating. Only platform admins call it; everything an
 * organization's own people do is in the feature packages. Uses persistence's organization and identity
 * repositories, {@code app.arv.security} and {@code shared}.
 */
package app.arv.organization;
