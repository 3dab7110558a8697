package app.arv.imaging.render;

import app.arv.imaging.gltf.GlbWriter;
import app.arv.imaging.raster.RgbaImage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A model to render: shared vertices (positions, unit normals, optional texture coordinates) and the
 * {@link Surface}s drawn over them. Model units are arbitrary; glTF's axes (y up, the front facing +z).
 *
 * @param uvs u,v per vertex, or null when no surface is textured
 */
public record Scene(float[] positions, float[] normals, float[] uvs, List<Surface> surfaces) {

    public Scene {
        if (positions.length % 3 != 0 || normals.length != positions.length
                || (uvs != null && uvs.length / 2 != positions.length / 3)) {
            throw new IllegalArgumentException("inconsistent vertex arrays");
        }
        surfaces = List.copyOf(surfaces);
    }

    public int vertexCount() {
        return positions.length / 3;
    }

    /** The model exactly as the GLB writer receives it: its front and back primitives (opaque), the embedded texture decoded and kept. */
    public static Scene of(GlbWriter.Model model) {
        RgbaImage texture = model.texture() == null ? null : decode(model.texture().bytes());
        byte[] file = texture == null ? null : model.texture().bytes();
        List<Surface> surfaces = new ArrayList<>();
        if (model.frontIndices().length > 0) {
            surfaces.add(new Surface(model.frontIndices(), model.frontColour(), texture, false, Surface.AlphaMode.OPAQUE,
                    Surface.DEFAULT_ALPHA_CUTOFF, file));
        }
        if (model.backIndices().length > 0) {
            surfaces.add(new Surface(model.backIndices(), model.backColour(), texture, false, Surface.AlphaMode.OPAQUE,
                    Surface.DEFAULT_ALPHA_CUTOFF, file));
        }
        return new Scene(model.positions(), model.normals(), texture == null ? null : model.uvs(), surfaces);
    }

    /** Our own encoder's JPEG or PNG: trusted bytes, so ImageIO straight away. */
    private static RgbaImage decode(byte[] encoded) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
            if (image == null) {
                throw new IllegalArgumentException("the model's texture is not a readable image");
            }
            int w = image.getWidth();
            int h = image.getHeight();
            return new RgbaImage(w, h, image.getRGB(0, 0, w, h, null, 0, w));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
