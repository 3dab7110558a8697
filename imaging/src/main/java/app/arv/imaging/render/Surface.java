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
 * @param alphaMode   how the alpha of the factor (its fourth value, 1 when absent) times the texture's is read: glTF's
 *                    {@code alphaMode} (the previews draw every surface opaque)
 * @param alphaCutoff for {@link AlphaMode#MASK}: the alpha from which the surface is drawn (glTF's {@code alphaCutoff})
 * @param textureFile the texture's file as the model embeds it (JPEG, PNG or WebP, whatever it is declared as), or null
 */
public record Surface(int[] triangles, float[] baseColour, RgbaImage texture, boolean doubleSided, AlphaMode alphaMode,
        float alphaCutoff, byte[] textureFile) {

    /** glTF's default {@code alphaCutoff}. */
    public static final float DEFAULT_ALPHA_CUTOFF = 0.5f;

    /** glTF's {@code alphaMode}: alpha ignored, a cut-out, or blended. */
    public enum AlphaMode {
        OPAQUE, MASK, BLEND
    }

    /** A one-sided surface: the faces of a closed model turned away from the eye are never seen. */
    public Surface(int[] triangles, float[] baseColour, RgbaImage texture) {
        this(triangles, baseColour, texture, false);
    }

    /** An opaque surface whose texture's file is not kept. */
    public Surface(int[] triangles, float[] baseColour, RgbaImage texture, boolean doubleSided) {
        this(triangles, baseColour, texture, doubleSided, AlphaMode.OPAQUE, DEFAULT_ALPHA_CUTOFF, null);
    }

    public Surface {
        if (triangles.length % 3 != 0 || baseColour.length < 3 || alphaMode == null) {
            throw new IllegalArgumentException("a surface needs whole triangles, an RGB(A) colour and an alpha mode");
        }
    }

    /** The base colour factor's alpha: its fourth value, 1 when it has three. */
    public float alpha() {
        return baseColour.length > 3 ? baseColour[3] : 1;
    }
}
