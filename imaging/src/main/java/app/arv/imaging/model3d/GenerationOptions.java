package app.arv.imaging.model3d;

/**
 * @param faceLimit most triangles the model may have ({@value #MIN_FACE_LIMIT}..{@value #MAX_FACE_LIMIT})
 * @param texture texture resolution
 */
public record GenerationOptions(int faceLimit, TextureQuality texture) {

    public static final int MIN_FACE_LIMIT = 500;
    public static final int MAX_FACE_LIMIT = 200_000;
    public static final int DEFAULT_FACE_LIMIT = 50_000;

    public GenerationOptions {
        if (faceLimit < MIN_FACE_LIMIT || faceLimit > MAX_FACE_LIMIT) {
            throw new IllegalArgumentException("face limit must be between " + MIN_FACE_LIMIT + " and " + MAX_FACE_LIMIT
                    + ", not " + faceLimit);
        }
        if (texture == null) {
            throw new IllegalArgumentException("texture quality missing");
        }
    }

    public static GenerationOptions defaults() {
        return new GenerationOptions(DEFAULT_FACE_LIMIT, TextureQuality.STANDARD);
    }
}
