/**
 * Read-only figures about one organization for the console's dashboard ({@link DashboardRepository}): counts
 * grouped in the database, never entities loaded to be counted. Every query takes the organization. Uses
 * nothing else of persistence; used by {@code app.arv.dashboard}.
 */
package app.arv.persistence.dashboard;
