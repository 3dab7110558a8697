package app.arv.media;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * The limits every upload is held to (image2model's: 10 MB a file, 25 files a request, JPEG/PNG/WebP).
 *
 * @param maxPixels decoding cost grows with pixels, not bytes: a tiny PNG can declare 50000x50000 (a decompression bomb)
 * @param maxRequestBytes a whole multipart request, refused while it streams in once past this (before anything is
 *        buffered beyond it); 0 means room for max-files files of max-file-bytes plus {@value #MULTIPART_OVERHEAD_BYTES}
 *        bytes of form fields and part headers
 */
@Dependent
public record UploadRules(
        @ConfigProperty(name = "arv.media.max-file-bytes", defaultValue = "10485760") long maxFileBytes,
        @ConfigProperty(name = "arv.media.max-files", defaultValue = "25") int maxFiles,
        @ConfigProperty(name = "arv.media.max-pixels", defaultValue = "50000000") long maxPixels,
        @ConfigProperty(name = "arv.media.max-request-bytes", defaultValue = "0") long maxRequestBytes,
        @ConfigProperty(name = "arv.media.allowed-types", defaultValue = "image/jpeg,image/png,image/webp") List<String> allowedTypes) {

    static final long MULTIPART_OVERHEAD_BYTES = 1 << 20;

    @Inject
    public UploadRules {
    }

    @Override
    public long maxRequestBytes() {
        return maxRequestBytes > 0 ? maxRequestBytes : maxFiles * maxFileBytes + MULTIPART_OVERHEAD_BYTES;
    }

    public boolean allows(String mediaType) {
        return allowedTypes.contains(mediaType);
    }
}
