/**
 * Media over HTTP: {@link MediaFileResource} ({@code /media}: multipart uploads, all or nothing; the
 * library; downloads with {@code ETag}, {@code Range} and, on S3, a redirect to a presigned URL) and
 * {@link MediaUploadResource} ({@code /media/uploads}: direct-to-S3 uploads, announced, then completed
 * and verified). {@link MediaView} never shows the storage key. This package also holds the web layer's
 * one multipart reader (files spooled to disk, size-limited while they arrive, removed when the form is closed),
 * its one response for a stored object ({@link StoredObject}: redirect or stream, {@code ETag}, conditional and range
 * requests), its one streamed ZIP of stored objects ({@link StoredArchive}, cut off rather than closed when a
 * store fails) and its one {@code Content-Disposition} ({@link ContentDisposition}, with {@code filename*}), which
 * every resource that takes files or serves them uses. The rules are {@code app.arv.media}'s.
 */
package app.arv.web.media;
