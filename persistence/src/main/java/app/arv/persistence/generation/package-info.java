/**
 * Image-to-3D generation as stored: a {@link GenerationJob} (the options every item is made with, as
 * imaging's {@code GenerationOptions}, the texture in its column through {@link TextureColumn}; the provider, the {@link GenerationPriority} queue, the overall status) and its {@link GenerationItem}s (one
 * source image, one model), each moving through {@link GenerationStatus}. The entities hold the rules of
 * their own state changes (take, advance, complete, fail, requeue, cancel; the status a job's items add up
 * to, {@link GenerationJob#settleOn}). {@link GenerationRepository}
 * queries them by organization, locks the rows a state change depends on, and serves the reaper's and
 * the retention timer's cross-organization queries (the latter under a PostgreSQL advisory lock, so one
 * node per round). Uses {@code app.arv.imaging.model3d} (the options); used by {@code app.arv.generation}.
 */
package app.arv.persistence.generation;
