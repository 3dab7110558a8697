package app.arv.generation;

import app.arv.imaging.RefusedImageException;
import app.arv.imaging.model3d.GeneratedModel;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.LocalModelGenerator;
import app.arv.imaging.model3d.TextureQuality;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The built-in generator (imaging's {@link LocalModelGenerator}): offline, in the worker's thread. It has
 * no progress callbacks, so progress is reported per stage it passes, never interpolated.
 */
@ApplicationScoped
public class LocalModelProvider implements ModelProvider {

    public static final String NAME = "local";

    /** Thread-safe and stateless between calls, so every worker shares one. */
    private final LocalModelGenerator generator = new LocalModelGenerator();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelResult generate(SourceImage image, ModelRequest request, ProgressSink progress) throws ModelRefusedException {
        progress.report(10, "generating");
        try {
            GeneratedModel model = generator.generate(image.bytes(),
                    new GenerationOptions(request.faceLimit(), TextureQuality.of(request.texture())));
            return new ModelResult(model.glb(), model.previewPng(), GeneratedModel.PREVIEW_MEDIA_TYPE);
        } catch (RefusedImageException e) {
            throw new ModelRefusedException(e.reason());
        }
    }
}
