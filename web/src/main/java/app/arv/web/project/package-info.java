/**
 * {@code /projects} ({@link ProjectResource}): the projects of the caller's organization — the model
 * resource of the web layer: a validated body, the caller, one service call, a view record, a
 * {@code Location}. The rules are {@code app.arv.project}'s.
 */
package app.arv.web.project;
