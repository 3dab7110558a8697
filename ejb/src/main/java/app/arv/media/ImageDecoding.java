package app.arv.media;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.input.DecodeGate;
import app.arv.imaging.input.ImageDecoder;
import app.arv.imaging.input.ImageHeader;
import app.arv.imaging.input.ImageTooLargeException;
import app.arv.imaging.input.MediaSniffer;
import app.arv.imaging.input.UnsupportedImageException;
import app.arv.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The node's image decoding: imaging's {@link ImageDecoder} with ARV's pixel limit ({@code arv.media.max-pixels})
 * and a bound on the memory decodes hold at once, so parallel huge images queue for memory instead of exhausting it.
 * A slot is {@code arv.image.max-decoded-bytes} (the decoder subsamples its raster to stay within it); the number
 * of slots defaults to what a third of the heap holds of those. A decode whose decoder builds the whole frame
 * (lossy WebP, progressive JPEG) takes as many slots as its estimated cost fills, and one costing more than all
 * slots together is refused as too large (422 {@code image_too_large}). A request waits at most
 * {@code arv.image.decode-wait} for a slot, then answers 503 {@code busy} with Retry-After; background work
 * (marker compilation, generation) waits as long as it takes.
 */
@ApplicationScoped
public class ImageDecoding {

    private static final Logger LOG = Logger.getLogger(ImageDecoding.class.getName());
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @Inject
    UploadRules rules;

    /** 0: sized from the heap (a third of it, in decodes of max-decoded-bytes each; at least one). */
    @Inject
    @ConfigProperty(name = "arv.image.max-concurrent-decodes", defaultValue = "0")
    int maxConcurrentDecodes;

    @Inject
    @ConfigProperty(name = "arv.image.max-decoded-bytes", defaultValue = "134217728")
    long maxDecodedBytes;

    @Inject
    @ConfigProperty(name = "arv.image.decode-wait", defaultValue = "PT10S")
    Duration decodeWait;

    private Semaphore slots;
    private int permits;
    private ImageDecoder forRequests;
    private ImageDecoder forBackground;

    public ImageDecoding() {
    }

    ImageDecoding(UploadRules rules, int maxConcurrentDecodes, long maxDecodedBytes, Duration decodeWait) {
        this.rules = rules;
        this.maxConcurrentDecodes = maxConcurrentDecodes;
        this.maxDecodedBytes = maxDecodedBytes;
        this.decodeWait = decodeWait;
        init();
    }

    @PostConstruct
    void init() {
        permits = maxConcurrentDecodes > 0
                ? maxConcurrentDecodes
                : (int) Math.max(1, Runtime.getRuntime().maxMemory() / 3 / maxDecodedBytes);
        slots = new Semaphore(permits, true);
        forRequests = new ImageDecoder(rules.maxPixels(), maxDecodedBytes, gate(this::admitWithinWait));
        forBackground = new ImageDecoder(rules.maxPixels(), maxDecodedBytes, gate(this::admitWhenFree));
        LOG.info(() -> "Image decoding: " + permits + " concurrent decodes of at most " + (maxDecodedBytes >> 20) + " MB, "
                + rules.maxPixels() + " pixels per image");
    }

    /** For a client's request: a decode waits {@code arv.image.decode-wait} for a slot, then the request answers 503 busy. */
    public ImageDecoder forRequests() {
        return forRequests;
    }

    /** For background work: a decode waits for a slot as long as it takes. */
    public ImageDecoder forBackground() {
        return forBackground;
    }

    /** How long a client's request waits for a slot ({@code arv.image.decode-wait}) before it is answered 503 busy. */
    public Duration requestWait() {
        return decodeWait;
    }

    /** Slots free right now (for tests and diagnostics). */
    public int freeSlots() {
        return slots.availablePermits();
    }

    /**
     * The problem for a refused image: too many pixels (422 image_too_large naming the limit), not an image
     * (422 unsupported_file_type), otherwise the caller's own problem for the decoder's reason.
     */
    public static DomainException refusal(String fileName, RefusedImageException refused, Supplier<DomainException> otherwise) {
        if (refused instanceof ImageTooLargeException large) {
            return DomainException.imageTooLarge("'" + fileName + "' declares " + large.width() + "x" + large.height()
                    + " pixels; at most " + large.maxPixels() + " pixels are accepted", large.maxPixels());
        }
        if (refused instanceof UnsupportedImageException unsupported && unsupported.sniffedType() != null
                && unsupported.sniffedType().startsWith("image/")) {
            // an accepted type in a variant the decoder cannot read (WebP with uncompressed alpha): say which
            return DomainException.invalid("unsupported_file_type", "'" + fileName + "' cannot be read: " + unsupported.getMessage());
        }
        if (refused instanceof UnsupportedImageException unsupported) {
            return DomainException.invalid("unsupported_file_type", "'" + fileName + "' is not an image of an accepted type"
                    + (unsupported.sniffedType() == null ? " (its bytes match no known format)" : " (it is " + unsupported.sniffedType() + ")"));
        }
        return otherwise.get();
    }

    /**
     * The file's type by its bytes, refused unless the upload rules accept it: the one check of an upload
     * ({@link ImageInspector}) and of a photo checked "before printing", which would otherwise get a verdict for a GIF
     * its upload then refuses.
     *
     * @return the type the bytes are of
     * @throws DomainException 422 {@code unsupported_file_type} naming the file and its type
     */
    public String requireAcceptedType(SpooledFile file) {
        String name = file.originalName();
        String type = MediaSniffer.sniff(file.head(), file.headLength()).orElseThrow(() -> DomainException.invalid(
                "unsupported_file_type", "'" + name + "' is not an image of an accepted type (its bytes match no known format)"));
        if (!rules.allows(type)) {
            throw DomainException.invalid("unsupported_file_type", notAccepted(name, type));
        }
        return type;
    }

    /** Why a file of a type the rules do not accept is refused; a phone's HEIC or AVIF photo with what to do instead. */
    private static String notAccepted(String name, String type) {
        return switch (type) {
            case "image/heic" -> "'" + name + "' is a HEIC image (as iPhones save photos), which is not accepted; save or export it as JPEG";
            case "image/avif" -> "'" + name + "' is an AVIF image, which is not accepted; save or export it as JPEG";
            default -> "'" + name + "' is " + type + ", which is not accepted";
        };
    }

    /** A decode that ran out of memory despite the bound: the node is busy, the file is not to blame. */
    public static DomainException outOfMemory() {
        return DomainException.busy("Not enough memory to decode the image right now; try again shortly", RETRY_AFTER);
    }

    /** The gate of the given admission, its capacity all the slots. */
    private DecodeGate gate(DecodeGate admission) {
        long capacity = permits * maxDecodedBytes;
        return new DecodeGate() {
            @Override
            public Admission admit(ImageHeader header, long decodedBytes) {
                return admission.admit(header, decodedBytes);
            }

            @Override
            public long capacity() {
                return capacity;
            }
        };
    }

    /** The slots a decode of that cost takes: at least one, at most all. */
    private int slotsFor(long decodedBytes) {
        return (int) Math.min(permits, Math.max(1, (decodedBytes + maxDecodedBytes - 1) / maxDecodedBytes));
    }

    DecodeGate.Admission admitWithinWait(ImageHeader header, long decodedBytes) {
        int taken = slotsFor(decodedBytes);
        try {
            if (!slots.tryAcquire(taken, decodeWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw DomainException.busy("Too many images are being decoded right now; try again shortly", RETRY_AFTER);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.busy("Interrupted while waiting to decode the image", RETRY_AFTER);
        }
        return () -> slots.release(taken);
    }

    private DecodeGate.Admission admitWhenFree(ImageHeader header, long decodedBytes) {
        int taken = slotsFor(decodedBytes);
        slots.acquireUninterruptibly(taken);
        return () -> slots.release(taken);
    }
}
