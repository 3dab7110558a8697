package app.arv.media;

import app.arv.persistence.media.MediaResource;
import app.arv.storage.StorageTarget;

import java.net.URI;

/**
 * How to hand a resource's bytes to a client: a short-lived presigned URL to send it to
 * ({@code redirect} non-null), or the store to stream from.
 */
public record Download(MediaResource resource, StorageTarget target, URI redirect) {
}
