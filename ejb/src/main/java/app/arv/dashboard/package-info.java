/**
 * The console's dashboard ({@link Dashboard}): the caller's organization in figures — projects, AR content by marker
 * status and verdict, views (all time and per day of the last 30), generations by status, throughput per day, recent activity — and, for platform admins,
 * this node's system information. Uses persistence's dashboard repository, {@code app.arv.generation} (system
 * information), {@code app.arv.marker} (the window of recent views) and {@code app.arv.security}.
 */
package app.arv.dashboard;
