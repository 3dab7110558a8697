package app.arv.imaging.render;

import app.arv.imaging.raster.RgbaImage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.arv.imaging.render.Shapes.blue;
import static app.arv.imaging.render.Shapes.green;
import static app.arv.imaging.render.Shapes.red;
import static org.assertj.core.api.Assertions.assertThat;

/** Known meshes drawn where the camera's projection says, with hidden and back faces left out. */
class RasterizerTest {

    private static final int SIZE = 200;

    private static RgbaImage draw(Scene scene, Camera camera) {
        Rasterizer rasterizer = new Rasterizer(SIZE, SIZE, 2, Backdrop.LIGHT_GREY);
        rasterizer.draw(scene, camera, Lighting.studio(camera));
        return rasterizer.resolve();
    }

    private static int pixelAt(RgbaImage image, Camera camera, double x, double y, double z) {
        double[] p = new double[3];
        assertThat(camera.project(x, y, z, p)).isTrue();
        return image.get((int) p[0], (int) p[1]);
    }

    @Test
    void eachFaceOfACubeTheEyeCanSeeIsDrawnWhereItsCentreProjects() {
        Scene cube = Shapes.colouredCube();
        Camera camera = Camera.threeQuarter(cube.positions(), SIZE, SIZE, 0.8);

        RgbaImage image = draw(cube, camera);

        int right = pixelAt(image, camera, 0.5, 0, 0);
        int top = pixelAt(image, camera, 0, 0.5, 0);
        int front = pixelAt(image, camera, 0, 0, 0.5);
        assertThat(red(right)).isGreaterThan(60);
        assertThat(green(right) + blue(right)).isZero();
        assertThat(green(top)).isGreaterThan(60);
        assertThat(red(top) + blue(top)).isZero();
        assertThat(blue(front)).isGreaterThan(60);
        assertThat(red(front) + green(front)).isZero();
    }

    @Test
    void theFacesBehindTheCubeAreHiddenByTheNearerOnes() {
        Scene cube = Shapes.colouredCube();
        Camera camera = Camera.threeQuarter(cube.positions(), SIZE, SIZE, 0.8);

        RgbaImage image = draw(cube, camera);

        // the far faces' centres project inside the cube's outline, onto a near face: a pure primary colour there
        for (double[] hidden : new double[][]{{-0.5, 0, 0}, {0, -0.5, 0}, {0, 0, -0.5}}) {
            int pixel = pixelAt(image, camera, hidden[0], hidden[1], hidden[2]);
            int lit = (red(pixel) > 0 ? 1 : 0) + (green(pixel) > 0 ? 1 : 0) + (blue(pixel) > 0 ? 1 : 0);
            assertThat(lit).as("channels of %08x", pixel).isEqualTo(1);
        }
    }

    @Test
    void aTriangleFacingAwayFromTheEyeIsNotDrawn() {
        float[] positions = {-1, -1, 0, 1, -1, 0, 0, 1, 0};
        float[] normals = {0, 0, 1, 0, 0, 1, 0, 0, 1};
        Camera camera = Camera.looking(new double[]{0, 0, 0}, 0, 0, 4, 60, SIZE, SIZE);
        Scene towards = new Scene(positions, normals, null, List.of(new Surface(new int[]{0, 1, 2}, Shapes.RED, null)));
        Scene away = new Scene(positions, normals, null, List.of(new Surface(new int[]{0, 2, 1}, Shapes.RED, null)));

        Rasterizer front = new Rasterizer(SIZE, SIZE, 1, Backdrop.LIGHT_GREY);
        front.draw(towards, camera, Lighting.studio(camera));
        Rasterizer back = new Rasterizer(SIZE, SIZE, 1, Backdrop.LIGHT_GREY);
        back.draw(away, camera, Lighting.studio(camera));

        assertThat(front.coverage(SIZE / 2, SIZE / 2)).isEqualTo(1.0);
        assertThat(back.coverage(SIZE / 2, SIZE / 2)).isZero();
        assertThat(back.resolve().argb()).isEqualTo(new Rasterizer(SIZE, SIZE, 1, Backdrop.LIGHT_GREY).resolve().argb());
    }

    @Test
    void aDoubleSidedSurfaceIsDrawnFromBehindLitAsTheSideTheEyeSees() {
        float[] positions = {-1, -1, 0, 1, -1, 0, 0, 1, 0};
        float[] normals = {0, 0, 1, 0, 0, 1, 0, 0, 1};
        Camera camera = Camera.looking(new double[]{0, 0, 0}, 0, 0, 4, 60, SIZE, SIZE);
        Scene front = new Scene(positions, normals, null, List.of(new Surface(new int[]{0, 1, 2}, Shapes.RED, null, true)));
        // the same triangle facing away from the eye (winding and normals), so the eye sees its back
        float[] away = {0, 0, -1, 0, 0, -1, 0, 0, -1};
        Scene behind = new Scene(positions, away, null, List.of(new Surface(new int[]{0, 2, 1}, Shapes.RED, null, true)));

        RgbaImage seenFront = draw(front, camera);
        RgbaImage seenBehind = draw(behind, camera);

        // its back is shaded with the normals turned towards the eye: the same lit face
        assertThat(seenBehind.get(SIZE / 2, SIZE / 2)).isEqualTo(seenFront.get(SIZE / 2, SIZE / 2));
        assertThat(red(seenBehind.get(SIZE / 2, SIZE / 2))).isGreaterThan(150);
    }

    @Test
    void textureCoordinatesFollowThePerspectiveNotTheScreen() {
        // a quad receding from the eye: its near edge has v = 0 (red half), its far edge v = 1 (blue half)
        float[] positions = {-1, -1, 2, 1, -1, 2, 1, 1, -6, -1, 1, -6};
        float[] normals = new float[12];
        for (int v = 0; v < 4; v++) {
            normals[3 * v + 1] = 0.97f;
            normals[3 * v + 2] = 0.243f;
        }
        float[] uvs = {0, 0, 1, 0, 1, 1, 0, 1};
        Scene quad = new Scene(positions, normals, uvs, List.of(new Surface(new int[]{0, 1, 2, 0, 2, 3}, new float[]{1, 1, 1, 1},
                Shapes.halves(16, 16, 0xffff0000, 0xff0000ff))));
        Camera camera = Camera.looking(new double[]{0, 0, -2}, 0, 0, 6, 60, SIZE, SIZE);

        RgbaImage image = draw(quad, camera);

        double[] near = new double[3];
        double[] far = new double[3];
        double[] middle = new double[3];
        camera.project(0, -1, 2, near);
        camera.project(0, 1, -6, far);
        camera.project(0, 0, -2, middle);
        double screenHalfway = (near[1] + far[1]) / 2;
        // an affine (screen-space) interpolation would put the colour change at screenHalfway instead
        assertThat(screenHalfway - middle[1]).isGreaterThan(20);
        int x = (int) middle[0];
        assertThat(red(image.get(x, (int) middle[1] + 3))).isGreaterThan(100);
        assertThat(blue(image.get(x, (int) middle[1] + 3))).isZero();
        assertThat(blue(image.get(x, (int) middle[1] - 3))).isGreaterThan(100);
        assertThat(red(image.get(x, (int) middle[1] - 3))).isZero();
    }

    @Test
    void supersampledEdgesBlendTheSurfaceIntoTheBackground() {
        Scene cube = Shapes.colouredCube();
        Camera camera = Camera.threeQuarter(cube.positions(), SIZE, SIZE, 0.8);
        Rasterizer rasterizer = new Rasterizer(SIZE, SIZE, 3, Backdrop.LIGHT_GREY);

        rasterizer.draw(cube, camera, Lighting.studio(camera));

        long partial = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double c = rasterizer.coverage(x, y);
                partial += c > 0 && c < 1 ? 1 : 0;
            }
        }
        assertThat(partial).isGreaterThan(100);
    }
}
