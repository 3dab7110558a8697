package app.arv.imaging.render;

import app.arv.imaging.raster.RgbaImage;

import java.util.Arrays;

/**
 * A z-buffered triangle scan converter drawing {@link Scene}s into a picture supersampled {@code samples} times
 * per axis; {@link #resolve()} averages the samples (in linear light) into the final pixels.
 *
 * <p>Each sample is tested at its centre against the triangle's three edge functions. Triangles facing away from
 * the eye (clockwise on the picture, since the model winds counter-clockwise seen from outside) are culled, unless
 * their surface is double-sided: then they are shaded with their normals turned towards the eye. Normals
 * and texture coordinates are interpolated perspective-correctly: the screen-space barycentrics are weighted by
 * each vertex's 1/depth, which, unlike the attributes themselves, is linear across the projected triangle. The
 * depth test keeps the sample with the larger 1/depth (the nearer); on a tie the first drawn stays, so the result
 * does not depend on anything but the drawing order.
 */
public final class Rasterizer {

    private final int width;
    private final int height;
    private final int samples;
    private final int sampleWidth;
    private final int sampleHeight;
    private final int[] colour;
    /** 1 / depth of the nearest surface per sample; 0 where nothing was drawn. */
    private final float[] nearness;

    public Rasterizer(int width, int height, int samples, Backdrop backdrop) {
        if (width <= 0 || height <= 0 || samples <= 0) {
            throw new IllegalArgumentException("picture size and supersampling must be positive");
        }
        this.width = width;
        this.height = height;
        this.samples = samples;
        this.sampleWidth = width * samples;
        this.sampleHeight = height * samples;
        this.colour = new int[sampleWidth * sampleHeight];
        this.nearness = new float[colour.length];
        for (int y = 0; y < sampleHeight; y++) {
            int argb = backdrop.argbAt((y + 0.5) / sampleHeight);
            Arrays.fill(colour, y * sampleWidth, (y + 1) * sampleWidth, argb);
        }
    }

    /** Draws every surface of the scene as seen by the camera (whose picture size must be this one's). */
    public void draw(Scene scene, Camera camera, Lighting lighting) {
        if (camera.width() != width || camera.height() != height) {
            throw new IllegalArgumentException("the camera frames " + camera.width() + "x" + camera.height()
                    + ", the picture is " + width + "x" + height);
        }
        int n = scene.vertexCount();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] near = new double[n];
        boolean[] inFront = new boolean[n];
        float[] p = scene.positions();
        double[] projected = new double[3];
        for (int v = 0; v < n; v++) {
            inFront[v] = camera.project(p[3 * v], p[3 * v + 1], p[3 * v + 2], projected);
            x[v] = projected[0] * samples;
            y[v] = projected[1] * samples;
            near[v] = projected[2];
        }
        Projection projection = new Projection(x, y, near, scene.normals(), scene.uvs(), lighting);
        for (Surface surface : scene.surfaces()) {
            Texture texture = surface.texture() != null && scene.uvs() != null ? new Texture(surface.texture()) : null;
            int[] t = surface.triangles();
            for (int i = 0; i < t.length; i += 3) {
                if (inFront[t[i]] && inFront[t[i + 1]] && inFront[t[i + 2]]) {
                    triangle(projection, t[i], t[i + 1], t[i + 2], surface, texture);
                }
            }
        }
    }

    /** The picture: each pixel the mean of its samples, averaged as linear light. */
    public RgbaImage resolve() {
        int[] out = new int[width * height];
        double share = 1.0 / (samples * samples);
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int sy = py * samples; sy < (py + 1) * samples; sy++) {
                    for (int sx = px * samples; sx < (px + 1) * samples; sx++) {
                        int c = colour[sy * sampleWidth + sx];
                        r += Srgb.linear((c >> 16) & 0xff);
                        g += Srgb.linear((c >> 8) & 0xff);
                        b += Srgb.linear(c & 0xff);
                    }
                }
                out[py * width + px] = 0xff000000 | Srgb.encode(r * share) << 16 | Srgb.encode(g * share) << 8
                        | Srgb.encode(b * share);
            }
        }
        return new RgbaImage(width, height, out);
    }

    /** Share (0..1) of the pixel's samples a surface was drawn on. */
    public double coverage(int px, int py) {
        int covered = 0;
        for (int sy = py * samples; sy < (py + 1) * samples; sy++) {
            for (int sx = px * samples; sx < (px + 1) * samples; sx++) {
                covered += nearness[sy * sampleWidth + sx] > 0 ? 1 : 0;
            }
        }
        return covered / (double) (samples * samples);
    }

    private void triangle(Projection v, int a, int b, int c, Surface surface, Texture texture) {
        double x0 = v.x[a];
        double y0 = v.y[a];
        double x1 = v.x[b];
        double y1 = v.y[b];
        double x2 = v.x[c];
        double y2 = v.y[c];
        double area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
        // counter-clockwise seen from outside turns clockwise on a y-down picture: a negative area faces the eye
        boolean fromBehind = area > 0;
        if (!(area < 0) && !(fromBehind && surface.doubleSided())) {
            return;
        }
        int minX = Math.max(0, (int) Math.floor(Math.min(x0, Math.min(x1, x2))));
        int maxX = Math.min(sampleWidth - 1, (int) Math.ceil(Math.max(x0, Math.max(x1, x2))));
        int minY = Math.max(0, (int) Math.floor(Math.min(y0, Math.min(y1, y2))));
        int maxY = Math.min(sampleHeight - 1, (int) Math.ceil(Math.max(y0, Math.max(y1, y2))));
        if (minX > maxX || minY > maxY) {
            return;
        }
        double inverseArea = 1 / area;
        // barycentric weight of each vertex = its opposite edge function / area, stepped per sample
        double dx0 = -(y2 - y1) * inverseArea;
        double dx1 = -(y0 - y2) * inverseArea;
        double dx2 = -(y1 - y0) * inverseArea;
        Shader shader = new Shader(v, a, b, c, surface.baseColour(), texture, fromBehind);
        for (int sy = minY; sy <= maxY; sy++) {
            double cy = sy + 0.5;
            double cx = minX + 0.5;
            double w0 = ((x2 - x1) * (cy - y1) - (y2 - y1) * (cx - x1)) * inverseArea;
            double w1 = ((x0 - x2) * (cy - y2) - (y0 - y2) * (cx - x2)) * inverseArea;
            double w2 = ((x1 - x0) * (cy - y0) - (y1 - y0) * (cx - x0)) * inverseArea;
            int row = sy * sampleWidth;
            for (int sx = minX; sx <= maxX; sx++, w0 += dx0, w1 += dx1, w2 += dx2) {
                if (w0 < 0 || w1 < 0 || w2 < 0) {
                    continue;
                }
                double near = w0 * v.near[a] + w1 * v.near[b] + w2 * v.near[c];
                int i = row + sx;
                if (near <= nearness[i]) {
                    continue;
                }
                nearness[i] = (float) near;
                colour[i] = shader.shade(w0 * v.near[a] / near, w1 * v.near[b] / near, w2 * v.near[c] / near);
            }
        }
    }

    /** The scene's vertices on the supersampled picture, with what shading needs of them. */
    private record Projection(double[] x, double[] y, double[] near, float[] normals, float[] uvs, Lighting lighting) {
    }

    /** Colour of one triangle's samples from perspective-correct vertex weights. */
    private static final class Shader {
        private final Projection v;
        private final int a;
        private final int b;
        private final int c;
        private final float[] factor;
        private final Texture texture;
        /** -1 for the back of a double-sided face: its normals point away from the eye. */
        private final double side;
        private final float[] texel = new float[3];

        Shader(Projection v, int a, int b, int c, float[] factor, Texture texture, boolean fromBehind) {
            this.v = v;
            this.a = a;
            this.b = b;
            this.c = c;
            this.factor = factor;
            this.texture = texture;
            this.side = fromBehind ? -1 : 1;
        }

        int shade(double pa, double pb, double pc) {
            float[] n = v.normals();
            double nx = pa * n[3 * a] + pb * n[3 * b] + pc * n[3 * c];
            double ny = pa * n[3 * a + 1] + pb * n[3 * b + 1] + pc * n[3 * c + 1];
            double nz = pa * n[3 * a + 2] + pb * n[3 * b + 2] + pc * n[3 * c + 2];
            double length = side * Math.sqrt(nx * nx + ny * ny + nz * nz);
            double light = Math.abs(length) < 1e-12
                    ? v.lighting().irradiance(0, 0, 0)
                    : v.lighting().irradiance(nx / length, ny / length, nz / length);
            double r = factor[0];
            double g = factor[1];
            double bl = factor[2];
            if (texture != null) {
                float[] uv = v.uvs();
                texture.sample(pa * uv[2 * a] + pb * uv[2 * b] + pc * uv[2 * c],
                        pa * uv[2 * a + 1] + pb * uv[2 * b + 1] + pc * uv[2 * c + 1], texel);
                r *= texel[0];
                g *= texel[1];
                bl *= texel[2];
            }
            return 0xff000000 | Srgb.encode(r * light) << 16 | Srgb.encode(g * light) << 8 | Srgb.encode(bl * light);
        }
    }
}
