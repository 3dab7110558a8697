package app.arv.imaging.render;

import app.arv.imaging.raster.RgbaImage;

/**
 * The picture of a generated model: {@value #SIZE} x {@value #SIZE} px, the three-quarter view of
 * {@link Camera#threeQuarter} with the model filling {@value #FILL} of it, studio {@link Lighting}, the
 * {@link Backdrop#LIGHT_GREY} background, {@value #SUPERSAMPLING}x{@value #SUPERSAMPLING} samples per pixel.
 * Thread-safe (every call has its own buffers) and deterministic.
 */
public final class ModelPreview {

    public static final int SIZE = 640;
    public static final String MEDIA_TYPE = "image/png";
    static final int SUPERSAMPLING = 3;
    static final double FILL = 0.8;

    public RgbaImage render(Scene scene) {
        return rasterize(scene).resolve();
    }

    /** The picture as an opaque PNG. */
    public byte[] png(Scene scene) {
        return render(scene).opaquePng();
    }

    /** The camera this preview uses for the scene. */
    Camera camera(Scene scene) {
        return Camera.threeQuarter(scene.positions(), SIZE, SIZE, FILL);
    }

    Rasterizer rasterize(Scene scene) {
        Rasterizer rasterizer = new Rasterizer(SIZE, SIZE, SUPERSAMPLING, Backdrop.LIGHT_GREY);
        if (scene.vertexCount() > 0) {
            Camera camera = camera(scene);
            rasterizer.draw(scene, camera, Lighting.studio(camera));
        }
        return rasterizer;
    }
}
