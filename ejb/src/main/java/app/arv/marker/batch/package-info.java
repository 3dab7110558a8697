/**
 * The pieces of the {@code compile-markers} JSR-352 job ({@code META-INF/batch-jobs/compile-markers.xml},
 * which explains the design): a partitioned chunk step over one organization's pending AR content.
 * {@link MarkerPartitionMapper} claims the items for the job instance and splits them (and plans anew when a
 * dead node's execution is restarted); {@link PendingMarkerReader} reads a partition's items still compiling;
 * {@link MarkerCompileProcessor} compiles one portrait (an unusable image is a failed outcome, not an
 * exception); {@link MarkerResultWriter} stores the outcome with the checkpoint, one item per chunk;
 * {@link MarkerSkipListener} marks an item that threw as failed, in the compile or in the write (a store that
 * refuses its {@code .mind}'s settings), so none stays "compiling" in a completed job; a store that is only away for now
 * ({@link StorageAway}) is no skip: the step fails and the recovery timer compiles the item again. The portrait is read and the {@code .mind}
 * written outside the chunk's transaction, so a slow store holds no database connection. The pieces stay thin:
 * {@link CompileJob} names the job they run in, and the database work is {@link MarkerQueue}'s. Started and restarted by
 * {@code app.arv.marker}; uses it, {@code app.arv.media} and the compiler.
 */
package app.arv.marker.batch;
