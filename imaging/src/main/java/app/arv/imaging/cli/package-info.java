/**
 * The command-line tool {@code arv-mind-cli.jar} ({@link MindCli}): compile images to a {@code .mind},
 * inspect a {@code .mind}, analyze an image's quality, each answering in JSON. Its JSON is written by hand
 * rather than by a library, because in a one-shot process a library's start-up costs more CPU than a
 * small compile. Uses the rest of {@code app.arv.imaging}; nothing uses it.
 */
package app.arv.imaging.cli;
