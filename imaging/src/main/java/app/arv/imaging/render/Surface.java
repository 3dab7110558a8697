package app.arv.imaging.render;

import app.arv.imaging.raster.RgbaImage;

/**
 * Triangles of a {@link Scene} sharing one material: a linear RGBA base colour factor, multiplied (as in glTF) by
 * the sRGB texture sampled at the vertices' texture coordinates when there is one.
 *
 * @param triangles three vertex indices per face, counter-clockwise seen from outside
 * @param texture   the base colour texture (sRGB, glTF orientation: u right, v down) or null
 */
public record Surface(int[] triangles, float[] baseColour, RgbaImage texture) {

    public Surface {
        if (triangles.length % 3 != 0 || baseColour.length < 3) {
            throw new IllegalArgumentException("a surface needs whole triangles and an RGB(A) colour");
        }
    }
}
