/**
 * AR content and markers over HTTP: created and listed under a project ({@link ProjectArContentResource};
 * 202, the marker compiles in the background), then addressed by its own id ({@link ArContentResource}:
 * metadata, schedule, image, marker status and file, regeneration, the quality picture, overlays); a
 * quality check that stores nothing, as a report or a picture ({@link MarkerAnalysisResource}); a
 * project's marker pack ({@link MarkerPackResource}); and the compile jobs for platform operators
 * ({@link BatchJobResource}). The work is {@code app.arv.marker}'s.
 */
package app.arv.web.marker;
