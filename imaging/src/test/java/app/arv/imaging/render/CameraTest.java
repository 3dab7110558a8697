package app.arv.imaging.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The camera's projection and framing, worked out by hand. */
class CameraTest {

    @Test
    void theTargetProjectsToThePictureCentreAtItsDistance() {
        Camera camera = Camera.looking(new double[]{1, 2, 3}, 35, 20, 5, 30, 640, 480);
        double[] p = new double[3];

        camera.project(1, 2, 3, p);

        assertThat(p[0]).isCloseTo(320, within(1e-9));
        assertThat(p[1]).isCloseTo(240, within(1e-9));
        assertThat(p[2]).isCloseTo(1 / 5.0, within(1e-12));
    }

    @Test
    void upInTheModelIsUpInThePictureAndTheRightSideOfAFrontViewIsOnTheRight() {
        Camera camera = Camera.looking(new double[]{0, 0, 0}, 0, 0, 5, 30, 100, 100);
        double[] above = new double[3];
        double[] right = new double[3];

        camera.project(0, 1, 0, above);
        camera.project(1, 0, 0, right);

        assertThat(above[1]).isLessThan(50);
        assertThat(right[0]).isGreaterThan(50);
    }

    @Test
    void aPointBehindTheEyeIsNotProjected() {
        Camera camera = Camera.looking(new double[]{0, 0, 0}, 0, 0, 5, 30, 100, 100);

        assertThat(camera.project(0, 0, 6, new double[3])).isFalse();
    }

    @Test
    void theThreeQuarterViewCentresTheModelAndFillsTheAskedShare() {
        float[] corners = Shapes.colouredCube().positions();
        Camera camera = Camera.threeQuarter(corners, 400, 400, 0.8);

        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        double[] p = new double[3];
        for (int i = 0; i < corners.length; i += 3) {
            camera.project(corners[i], corners[i + 1], corners[i + 2], p);
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }

        assertThat((minX + maxX) / 2).isCloseTo(200, within(1e-6));
        assertThat((minY + maxY) / 2).isCloseTo(200, within(1e-6));
        assertThat(Math.max(maxX - minX, maxY - minY)).isCloseTo(320, within(1e-6));
    }

    @Test
    void theThreeQuarterViewShowsTheFrontTheRightSideAndTheTop() {
        Camera camera = Camera.threeQuarter(Shapes.colouredCube().positions(), 400, 400, 0.8);

        double[] towardsEye = camera.towardsEye();

        assertThat(towardsEye[0]).isPositive();
        assertThat(towardsEye[1]).isPositive();
        assertThat(towardsEye[2]).isGreaterThan(towardsEye[0]);
    }
}
