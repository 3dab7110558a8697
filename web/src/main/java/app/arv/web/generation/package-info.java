/**
 * Image-to-3D generation over HTTP: {@link GenerationResource} accepts jobs (multipart files or library
 * media ids; 202), lists and shows them, streams a job's events as Server-Sent Events
 * ({@link JobEventStream}, resumable with {@code Last-Event-ID}, ended once its credential no longer holds,
 * written by {@link StreamDeliveries}' threads through a {@link SerialDelivery} per stream)
 * and serves the models (GLB, and USDZ converted on request), previews and a ZIP of all of them; {@link GenerationAdminResource} is the
 * operators' system info and clean-up. The work is {@code app.arv.generation}'s.
 */
package app.arv.web.generation;
