package app.arv.imaging.mind.detect;

import app.arv.imaging.mind.format.FeaturePoint;
import app.arv.imaging.raster.GreyImage;

import java.util.ArrayList;
import java.util.List;

/**
 * MindAR's matching-feature detector for one keyframe image: DoG extrema, one Newton step of sub-pixel
 * refinement, a dominant orientation and a FREAK descriptor each. Points come out in bucket order,
 * strongest first within a bucket, as the reference lists them.
 */
public final class FeatureDetector {

    public List<FeaturePoint> detect(GreyImage image) {
        Pyramid pyramid = new Pyramid(image);
        if (pyramid.octaves() < 3) {
            return List.of();
        }
        ExtremaFinder candidates = new ExtremaFinder(pyramid);
        List<FeaturePoint> points = new ArrayList<>();
        float[] samples = new float[Freak.POINTS];
        for (int i = 0; i < ExtremaFinder.SLOTS; i++) {
            float score = candidates.score[i];
            if (score == 0f) {
                continue;
            }
            int octave = candidates.octave[i];
            float[] refined = refine(pyramid.dog[octave], candidates.x[i], candidates.y[i]);
            float x = refined[0];
            float y = refined[1];
            Plane g2 = pyramid.g2[octave];
            float angle = Orientation.angle(g2, (int) x, (int) y);
            Freak.sample(g2, x, y, angle, samples);
            int[] descriptor = Freak.describe(samples);
            double pow = Math.pow(2, octave);
            double half = Math.pow(2, octave - 1);
            points.add(new FeaturePoint(score > 0, x * pow + half - 0.5, y * pow + half - 0.5, (int) pow,
                    angle, descriptor));
        }
        return points;
    }

    /** One Newton step on the DoG's quadratic fit; the integer position stays when the Hessian is singular. */
    private static float[] refine(Plane dog, int x, int y) {
        double c = dog.at(x, y);
        double dx = 0.5 * ((double) dog.at(x + 1, y) - dog.at(x - 1, y));
        double dy = 0.5 * ((double) dog.at(x, y + 1) - dog.at(x, y - 1));
        double dxx = (double) dog.at(x + 1, y) + dog.at(x - 1, y) - 2 * c;
        double dyy = (double) dog.at(x, y + 1) + dog.at(x, y - 1) - 2 * c;
        double dxy = 0.25 * ((double) dog.at(x - 1, y - 1) + dog.at(x + 1, y + 1) - dog.at(x + 1, y - 1) - dog.at(x - 1, y + 1));
        double det = dxx * dyy - dxy * dxy;
        if (Math.abs(det) < 0.0001) {
            return new float[]{x, y};
        }
        double ux = (dyy * -dx + -dxy * -dy) / det;
        double uy = (-dxy * -dx + dxx * -dy) / det;
        return new float[]{(float) (x + ux), (float) (y + uy)};
    }
}
