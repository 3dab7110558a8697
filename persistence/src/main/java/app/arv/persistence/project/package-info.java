/**
 * Projects: a {@link Project} groups an organization's AR content and marker packs (a campaign, a shop,
 * a print run); names are unique within the organization. {@link ProjectRepository} queries by
 * organization and can lock a project, so a deletion and work recorded for it do not cross. Used by
 * {@code app.arv.project} and by the services that file things under a project.
 */
package app.arv.persistence.project;
