/**
 * Image-to-3D generation: jobs of one or more images, each item made into a GLB by a
 * {@link ModelProvider} ({@link LocalModelProvider}, imaging's offline generator, or FAL.AI in
 * {@code generation.fal}), chosen by name through {@link ModelProviders}. Every model's preview is ARV's own
 * rendered picture (the local generator draws it; {@link ModelPreviews} draws a remote provider's GLB).
 * {@link UsdzModels} converts a finished model's GLB to USDZ (iOS's AR Quick Look) on request.
 *
 * <h2>Flow</h2>
 * {@link GenerationService} accepts a job in one transaction: the source images (stored through the media
 * layer; uploaded ones are the job's own, not the library's, and go with it), the job, its items and one message per
 * item on its priority's queue ({@link GenerationQueue},
 * sent through the transactional factory) commit together or not at all. A {@link GenerationListener} MDB
 * per priority hands each message to {@link GenerationWorker}, which works outside the message's transaction (a slow
 * store must not hold a database connection); every state change of an item is committed
 * on its own by {@link GenerationSteps}, so clients see progress while the model is made and the message's
 * transaction only decides redelivery. A provider's {@link ModelRefusedException} fails the item, and so does an
 * {@link Error} other than running out of memory, thrown by the provider or inside a step (which the container hands over
 * wrapped in an EJBException): a fault every delivery would meet again; an attempt stopped by a dependency of ARV's own that is away (the object
 * store, the database) is not counted, and its message is sent again later until the outage has lasted
 * {@code arv.generation.outage-patience} ({@link GenerationListener}); any other failure is
 * delivered again with back-off, and a message the broker gives up on reaches {@link DeadGenerationListener}, which
 * fails the item. A provider's progress report ({@link ProgressSink}) answers whether the item is still wanted, so a
 * cancelled item's worker stops there. {@link GenerationReaper} fails items whose worker died; {@link GenerationRetention}
 * deletes old jobs with their files. What items count against the monthly quotas, and when an ending item gives its count
 * back, is {@link GenerationQuota}'s, for every path that admits or ends items.
 *
 * <h2>Events</h2>
 * A job's events are {@link JobEvent}s, each kind's name and payload built there once; what people and webhooks are told
 * when a job ends is {@link GenerationOccurrences}' ({@code generation.finished}, fired through {@code notification});
 * {@link FinishedJobs} tells both when a job ends, whichever path ended it.
 * {@link GenerationEvents} appends a job's events to a Redis stream (so a client can resume from
 * {@code Last-Event-ID}) and announces them after the commit, in an order the transactions' commits decide, not their
 * threads: every item's end comes before the job's {@code completed}, and an item's event older than one already sent
 * is dropped; {@link GenerationEventHub} serves this node's
 * SSE clients from it, whichever node did the work. {@link GenerationAdmin} is the operators' view
 * (queues, workers, disk, heap) and the clean-up.
 *
 * <p>Uses persistence's generation and media packages, {@code app.arv.media}, {@code messaging},
 * {@code events}, {@code notification}, {@code protection} (monthly quotas), {@code security}, {@code shared} and
 * {@code app.arv.imaging.model3d}, {@code app.arv.imaging.render} and {@code app.arv.imaging.usdz}; the web layer's generation resources use it.
 */
package app.arv.generation;
