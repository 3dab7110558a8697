/**
 * Projects of the caller's organization ({@link ProjectService}): create, rename, describe, list, delete.
 * Only an empty project can be deleted — its AR content owns stored files that must go through the
 * content's own deletion, which a database cascade would skip; the files the project holds itself
 * (marker packs) are released through the media store. Uses persistence's project and marker
 * repositories, {@code app.arv.media}, {@code app.arv.security} and {@code shared}.
 */
package app.arv.project;
