package app.arv.marker;

import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.PrintSuggester;
import app.arv.imaging.mind.quality.QualityReport;
import app.arv.imaging.raster.GreyImage;
import app.arv.media.ImageDecoding;
import app.arv.media.SpooledFile;
import app.arv.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A marker quality report for an image, without storing anything (the image is compiled and forgotten). */
@ApplicationScoped
public class MarkerAnalyzer {

    @Resource
    ManagedExecutorService executor;

    @Inject
    ImageDecoding decoding;

    /**
     * @throws DomainException 422 {@code image_too_large} (over the pixel limit), {@code unsupported_file_type}
     *                         (not an image of an accepted type) or {@code image_refused} with the loader's reason (damaged, too small...);
     *                         503 {@code busy} when no decode slot frees in time
     */
    public QualityReport analyze(SpooledFile file) {
        GreyImage grey = MarkerFiles.decodeOffered(file, decoding,
                bytes -> new ImageLoader(ImageLoader.DEFAULT_MAX_SIDE, decoding.forRequests()).load(bytes));
        return new MindTargetCompiler(executor).analyze(grey).quality();
    }

    /**
     * An enhanced print of the image (local contrast equalisation, mild sharpening) with its own report.
     *
     * @throws DomainException like {@link #analyze}: the decodes take the request's decode slots and limits
     */
    public PrintSuggester.Suggestion suggest(SpooledFile file) {
        return MarkerFiles.decodeOffered(file, decoding, new PrintSuggester(new MindTargetCompiler(executor), decoding.forRequests())::suggest);
    }
}
