package app.arv.imaging.render;

import app.arv.imaging.raster.RgbaImage;

import java.util.ArrayList;
import java.util.List;

/** Known meshes whose pictures can be worked out by hand. */
final class Shapes {

    static final float[] RED = {1, 0, 0, 1};
    static final float[] GREEN = {0, 1, 0, 1};
    static final float[] BLUE = {0, 0, 1, 1};
    static final float[] YELLOW = {1, 1, 0, 1};
    static final float[] MAGENTA = {1, 0, 1, 1};
    static final float[] CYAN = {0, 1, 1, 1};

    private Shapes() {
    }

    /**
     * The unit cube around the origin, each face its own surface with flat normals: +x red, +y green, +z blue,
     * -x yellow, -y magenta, -z cyan.
     */
    static Scene colouredCube() {
        float[][] axes = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {-1, 0, 0}, {0, -1, 0}, {0, 0, -1}};
        float[][] colours = {RED, GREEN, BLUE, YELLOW, MAGENTA, CYAN};
        float[] positions = new float[6 * 4 * 3];
        float[] normals = new float[positions.length];
        List<Surface> surfaces = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            float[] n = axes[f];
            // two axes spanning the face, u x v = n, so the corners below go counter-clockwise seen from outside
            float[] u = {n[1], n[2], n[0]};
            float[] v = {n[1] * u[2] - n[2] * u[1], n[2] * u[0] - n[0] * u[2], n[0] * u[1] - n[1] * u[0]};
            float[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
            for (int c = 0; c < 4; c++) {
                int i = 3 * (4 * f + c);
                for (int k = 0; k < 3; k++) {
                    positions[i + k] = 0.5f * (n[k] + corners[c][0] * u[k] + corners[c][1] * v[k]);
                    normals[i + k] = n[k];
                }
            }
            int b = 4 * f;
            surfaces.add(new Surface(new int[]{b, b + 1, b + 2, b, b + 2, b + 3}, colours[f], null));
        }
        return new Scene(positions, normals, null, surfaces);
    }

    /** A grey UV sphere of radius 1 at the origin with smooth normals. */
    static Scene sphere(int stacks, int slices) {
        int n = (stacks + 1) * (slices + 1);
        float[] positions = new float[3 * n];
        for (int i = 0; i <= stacks; i++) {
            double theta = Math.PI * i / stacks;
            for (int j = 0; j <= slices; j++) {
                double phi = 2 * Math.PI * j / slices;
                int v = 3 * (i * (slices + 1) + j);
                positions[v] = (float) (Math.sin(theta) * Math.sin(phi));
                positions[v + 1] = (float) Math.cos(theta);
                positions[v + 2] = (float) (Math.sin(theta) * Math.cos(phi));
            }
        }
        int[] triangles = new int[6 * stacks * slices];
        int t = 0;
        for (int i = 0; i < stacks; i++) {
            for (int j = 0; j < slices; j++) {
                int a = i * (slices + 1) + j;
                int b = a + slices + 1;
                triangles[t++] = a;
                triangles[t++] = b;
                triangles[t++] = a + 1;
                triangles[t++] = a + 1;
                triangles[t++] = b;
                triangles[t++] = b + 1;
            }
        }
        return new Scene(positions, positions.clone(), null, List.of(new Surface(triangles, new float[]{0.5f, 0.5f, 0.5f, 1}, null)));
    }

    /** A w x h texture whose top half (v < 0.5) is {@code top} and bottom half {@code bottom}. */
    static RgbaImage halves(int w, int h, int top, int bottom) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = y < h / 2 ? top : bottom;
            }
        }
        return new RgbaImage(w, h, px);
    }

    static int red(int argb) {
        return (argb >> 16) & 0xff;
    }

    static int green(int argb) {
        return (argb >> 8) & 0xff;
    }

    static int blue(int argb) {
        return argb & 0xff;
    }

    /** Rec. 709 luma of an sRGB pixel, 0..255. */
    static double luma(int argb) {
        return 0.2126 * red(argb) + 0.7152 * green(argb) + 0.0722 * blue(argb);
    }
}
