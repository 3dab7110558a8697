/**
 * AR markers: a customer's portrait compiled into a MindAR target, with the overlay the public viewer
 * plays on it.
 *
 * <ul>
 *   <li>{@link ArContentService} keeps an organization's AR content: every change that needs a
 *       (re)compilation leaves it pending and asks {@link CompileRequests} for a compile, a JMS message that
 *       joins the transaction, so it is delivered only once the pending items are committed. Whichever
 *       node takes it starts the {@code compile-markers} batch job ({@code marker.batch}).</li>
 *   <li>{@link MarkerJobRecovery} keeps compilation going when a node dies or a request is lost: it
 *       restarts failed jobs and jobs of dead nodes (a node proves it is alive with a Redis key,
 *       {@link MarkerNode}), once across the cluster ({@link MarkerJobRestarts}), and re-sends old
 *       requests. A job that failed because its organization's store was away spends none of its executions, up to a
 *       patience ({@link MarkerOutages}). {@link BatchJobs} is the operators' view of the jobs, with restart, stop and abandon; a stop asked
 *       of a node that does not run the execution is handed to the node that does, over Redis ({@link MarkerStops}).</li>
 *   <li>{@link MarkerAnalyzer} reports an image's quality without storing anything; {@link MarkerPacks}
 *       merges a project's ready targets into one multi-target {@code .mind} without recompiling;
 *       {@link QualityPictures} draws the quality report as a picture from a stored {@code .mind} (or an
 *       image compiled for the purpose).</li>
 *   <li>{@link ViewerService} answers the public viewer by unique id alone: anything not showing is 404
 *       (or 410 when over), the same answer for all, so the viewer reveals nothing. Each view counts in total and
 *       per day; {@link RecentViews} reads the last 30 days.</li>
 *   <li>{@link MarkerEvents} announces status changes on Redis after the commit; {@link MarkerOccurrences} builds what
 *       people and webhooks are told (a marker settled, content expiring or expired) for {@code notification} to fire,
 *       and {@link ExpiryWatch} is the round that tells expiry, once per content and expiry date.</li>
 * </ul>
 *
 * <p>Uses persistence's marker, media and project packages, {@code app.arv.media} (every file goes
 * through its store), {@code messaging}, {@code events}, {@code notification}, {@code platform} (its rounds),
 * {@code protection}, {@code security},
 * {@code shared} and the compiler in {@code app.arv.imaging.mind}.
 */
package app.arv.marker;
