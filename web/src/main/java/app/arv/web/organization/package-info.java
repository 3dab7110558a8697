/**
 * Customer organizations, for the installation's operators (platform admins): {@link OrganizationResource}
 * opens (optionally with a first admin), renames and deactivates them; {@link OrganizationQuotaResource}
 * sets their request limits and quotas and shows the limits in force. Uses {@code app.arv.organization}
 * and {@code app.arv.protection}, and {@code app.arv.web.identity}'s rules for a new account.
 */
package app.arv.web.organization;
