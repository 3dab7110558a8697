/**
 * AR content as stored: an {@link ArContent} is a customer's portrait, its compiled MindAR marker (moving
 * through {@link MarkerStatus}), the quality report, the schedule and the active overlay
 * ({@link OverlayKind}); its unique id is the public viewer's only key. What the viewer may do at a given
 * time is the entity's rule ({@link ArContent#visibilityAt}, a {@link Visibility}), not a service's.
 * {@link ArContentRepository} queries by organization — except the viewer's lookup by unique id — and
 * claims pending items for a compile job, and names the jobs the recovery timer looks after ({@link CompilingJob}) and
 * the long-pending items whose request it sends again. {@link ArContentViewRepository} counts the viewer's views, in total and per
 * day. Used by {@code app.arv.marker} and its batch job.
 */
package app.arv.persistence.marker;
