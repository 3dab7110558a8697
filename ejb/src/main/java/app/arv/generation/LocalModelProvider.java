package app.arv.generation;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.model3d.GeneratedModel;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.LocalModelGenerator;
import app.arv.media.ImageDecoding;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The built-in generator (imaging's {@link LocalModelGenerator}): offline, in the worker's thread. It has
 * no progress callbacks, so progress is reported per stage it passes, never interpolated.
 */
@ApplicationScoped
public class LocalModelProvider implements ModelProvider {

    public static final String NAME = "local";

    @Inject
    ImageDecoding decoding;

    /** Thread-safe and stateless between calls, so every worker shares one; decodes wait for the node's decode slots. */
    private LocalModelGenerator generator;

    @PostConstruct
    void init() {
        generator = new LocalModelGenerator(decoding.forBackground());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelResult generate(SourceImage image, GenerationOptions options, ProgressSink progress, ProviderRequest request)
            throws ModelRefusedException {
        // Free and made here: an attempt that broke is simply made again, nothing to resume.
        // Its one report: the generator has no callbacks to stop it later, but an item cancelled while its message
        // waited is not made at all.
        if (!progress.report(10, "generating")) {
            throw ModelRefusedException.noLongerWanted("its model was not made");
        }
        try {
            GeneratedModel model = generator.generate(image.bytes(), options);
            return new ModelResult(model.glb(), model.previewPng(), GeneratedModel.PREVIEW_MEDIA_TYPE);
        } catch (RefusedImageException e) {
            throw new ModelRefusedException(e.reason());
        }
    }
}
