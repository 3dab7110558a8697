package app.arv.imaging.render;

import app.arv.imaging.raster.RgbaImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A grey sphere shows where the studio lights come from. */
class LightingTest {

    private static final int SIZE = 200;

    private final Scene sphere = Shapes.sphere(48, 96);
    private final Camera camera = Camera.threeQuarter(sphere.positions(), SIZE, SIZE, 0.8);

    private RgbaImage render() {
        Rasterizer rasterizer = new Rasterizer(SIZE, SIZE, 2, Backdrop.LIGHT_GREY);
        rasterizer.draw(sphere, camera, Lighting.studio(camera));
        return rasterizer.resolve();
    }

    @Test
    void theUpperLeftOfASphereFacesTheKeyLightAndIsBrighterThanTheLowerRight() {
        RgbaImage image = render();

        int offset = SIZE / 6;
        double upperLeft = Shapes.luma(image.get(SIZE / 2 - offset, SIZE / 2 - offset));
        double lowerRight = Shapes.luma(image.get(SIZE / 2 + offset, SIZE / 2 + offset));

        assertThat(upperLeft).isGreaterThan(lowerRight + 30);
    }

    @Test
    void noPartOfTheSphereTheEyeSeesIsBlack() {
        Rasterizer rasterizer = new Rasterizer(SIZE, SIZE, 2, Backdrop.LIGHT_GREY);
        rasterizer.draw(sphere, camera, Lighting.studio(camera));
        RgbaImage image = rasterizer.resolve();

        double darkest = 255;
        int seen = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (rasterizer.coverage(x, y) == 1.0) {
                    seen++;
                    darkest = Math.min(darkest, Shapes.luma(image.get(x, y)));
                }
            }
        }

        assertThat(seen).as("pixels the sphere covers whole").isGreaterThan(SIZE * SIZE / 10);
        assertThat(darkest).isGreaterThan(40);
    }

    @Test
    void aSurfaceFacingTheKeyLightGetsMoreThanTheAmbientAlone() {
        Lighting lighting = Lighting.studio(camera);
        double[] towards = camera.towardsEye();

        double facing = lighting.irradiance(towards[0], towards[1], towards[2]);
        double away = lighting.irradiance(-towards[0], -towards[1], -towards[2]);

        assertThat(facing).isBetween(0.8, 1.4);
        assertThat(away).isBetween(Lighting.GROUND, 0.5);
    }
}
