/**
 * {@code GET /dashboard} ({@link DashboardResource}): the caller's organization in figures for the console's first
 * screen, from {@code app.arv.dashboard}; platform admins also get the node's system information.
 */
package app.arv.web.dashboard;
