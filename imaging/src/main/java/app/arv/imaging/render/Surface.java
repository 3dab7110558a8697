package app.arv.imaging.render;

import app.arv.imaging.raster.RgbaImage;

/**
 * Triangles of a {@link Scene} sharing one material: a linear RGBA base colour factor, multiplied (as in glTF) by
 * the sRGB texture sampled at the vertices' texture coordinates when there is one.
 *
 * @param triangles   three vertex indices per face, counter-clockwise seen from outside
 * @param texture     the base colour texture (sRGB, glTF orientation: u right, v down) or null
 * @param doubleSided drawn from behind too (glTF's material flag; open surfaces such as leaves or cloth), lit as
 *                    seen from that side; otherwise faces turned away are culled
 */
public record Surface(int[] triangles, float[] baseColour, RgbaImage texture, boolean doubleSided) {

    /** A one-sided surface: the faces of a closed model turned away from the eye are never seen. */
    public Surface(int[] triangles, float[] baseColour, RgbaImage texture) {
        this(triangles, baseColour, texture, false);
    }

    public Surface {
        if (triangles.length % 3 != 0 || baseColour.length < 3) {
            throw new IllegalArgumentException("a surface needs whole triangles and an RGB(A) colour");
        }
    }
}
