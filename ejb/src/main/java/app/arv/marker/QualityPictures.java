package app.arv.marker;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.input.RgbaImageLoader;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.quality.QualityPicture;
import app.arv.imaging.raster.GreyImage;
import app.arv.imaging.raster.RgbaImage;
import app.arv.media.ImageDecoding;
import app.arv.media.MediaStore;
import app.arv.media.SpooledFile;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.persistence.media.MediaResource;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The marker quality report as a picture ({@link QualityPicture}): drawn from what the compiler stored — the
 * content's {@code .mind} (its matching features, tracking points and size) — over the portrait it was compiled
 * from, decoded at the compiler's working size. Nothing is recompiled. Only a READY marker is drawn: while a new
 * portrait compiles, the stored {@code .mind} still belongs to the old one.
 */
@Stateless
public class QualityPictures {

    private static final Logger LOG = Logger.getLogger(QualityPictures.class.getName());

    @Inject
    ArContentRepository contents;

    @Inject
    MediaStore files;

    @Inject
    ImageDecoding decoding;

    @Resource
    ManagedExecutorService executor;

    /**
     * The PNG; reads and draws outside any transaction (the store may be slow, drawing takes a moment).
     *
     * @throws DomainException 404 for an unknown or foreign id; 409 {@code marker_not_ready} until the marker is compiled;
     *                         503 {@code storage_unavailable} when the store breaks off while sending the marker or the portrait
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Picture of(Caller caller, UUID id) {
        UUID org = caller.organizationId();
        ArContent content = ready(org, id);
        MediaResource marker = files.live(org, content.getMarkerMediaId())
                .orElseThrow(() -> DomainException.conflict("marker_not_ready", "The compiled marker is no longer stored; regenerate it"));
        MindTarget target = MarkerFiles.readStored(files, marker).targets().get(0);
        RgbaImage portrait = portrait(org, content);
        QualityPicture picture = new QualityPicture();
        return new Picture(portrait == null ? picture.png(target) : picture.png(portrait, target), tagOf(content));
    }

    /**
     * What the picture would be tagged with, without drawing it (for a conditional GET).
     *
     * @throws DomainException like {@link #of}
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String tag(Caller caller, UUID id) {
        return tagOf(ready(caller.organizationId(), id));
    }

    /** A drawn picture and its validator. */
    public record Picture(byte[] png, String tag) {
    }

    /**
     * The picture is a function of the stored marker, the portrait and the drawing code: a recompilation or a new
     * portrait gives new ids, a change to {@link QualityPicture} a new {@link QualityPicture#VERSION}.
     */
    private static String tagOf(ArContent content) {
        return "quality-" + QualityPicture.VERSION + "-" + content.getMarkerMediaId() + "-" + content.getSourceMediaId();
    }

    private ArContent ready(UUID org, UUID id) {
        ArContent content = contents.find(org, id).orElseThrow(() -> DomainException.notFound("AR content"));
        if (content.getMarkerStatus() != MarkerStatus.READY || content.getMarkerMediaId() == null) {
            throw DomainException.conflict("marker_not_ready", notReady(content));
        }
        return content;
    }

    /**
     * The picture of an image that is not stored ("check a photo before printing"): compiled like a portrait, drawn,
     * forgotten.
     *
     * @throws DomainException 422 {@code image_too_large}, {@code unsupported_file_type} or {@code image_refused} like
     *                         {@link MarkerAnalyzer#analyze}; 503 {@code busy} when no decode slot frees in time
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public byte[] ofImage(SpooledFile file) {
        return MarkerFiles.decodeOffered(file, decoding, bytes -> {
            GreyImage grey = new ImageLoader(ImageLoader.DEFAULT_MAX_SIDE, decoding.forRequests()).load(bytes);
            MindTarget target = new MindTargetCompiler(executor).analyze(grey).target();
            RgbaImage portrait = new RgbaImageLoader(ImageLoader.DEFAULT_MAX_SIDE, decoding.forRequests()).load(bytes);
            return new QualityPicture().png(portrait, target);
        });
    }

    private static String notReady(ArContent content) {
        return switch (content.getMarkerStatus()) {
            case FAILED -> "The marker could not be compiled (" + content.getMarkerFailure() + "): there is no compiled data to draw";
            case READY -> "The marker has no compiled file; regenerate it";
            default -> "The marker is " + content.getMarkerStatus().name().toLowerCase(Locale.ROOT)
                    + "; its quality picture is drawn from the compiled marker once it is ready";
        };
    }

    /** The portrait as the compiler saw it (long side at most its working size), or null to draw over the target's own grey copy. */
    private RgbaImage portrait(UUID org, ArContent content) {
        MediaResource source = files.live(org, content.getSourceMediaId()).orElse(null);
        if (source == null) {
            return null;
        }
        try {
            return new RgbaImageLoader(ImageLoader.DEFAULT_MAX_SIDE, decoding.forRequests()).load(files.readAll(source));
        } catch (RefusedImageException e) {
            // it was compiled, so it decoded then; a changed limit is no reason to refuse the picture
            LOG.log(Level.INFO, "Portrait " + source.getId() + " not decoded for its quality picture: " + e.reason());
            return null;
        } catch (OutOfMemoryError e) {
            throw ImageDecoding.outOfMemory();
        } catch (IOException e) {
            throw MediaStore.stoppedSending("the portrait of AR content " + content.getId(), e);
        }
    }
}
