/**
 * AR content and markers over HTTP: created and listed under a project ({@link ProjectArContentResource};
 * 202, the marker compiles in the background), then addressed by its own id ({@link ArContentResource}:
 * metadata, schedule, image, marker status and file, regeneration), with its overlays
 * ({@link OverlayResource}); a quality check that stores nothing ({@link MarkerAnalysisResource}); a
 * project's marker pack ({@link MarkerPackResource}); and the compile jobs for platform operators
 * ({@link BatchJobResource}). The work is {@code app.arv.marker}'s.
 */
package app.arv.web.marker;
