package app.arv.imaging.mesh;

import app.arv.imaging.segment.ObjectMask;

/** Hand-made masks with known shapes. */
final class Silhouettes {

    private Silhouettes() {
    }

    static ObjectMask disc(int size, double radius) {
        byte[] in = new byte[size * size];
        double c = (size - 1) / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                in[y * size + x] = (byte) ((x - c) * (x - c) + (y - c) * (y - c) <= radius * radius ? 1 : 0);
            }
        }
        return new ObjectMask(size, size, in);
    }

    /** Two discs joined by a one-pixel-wide line: every cell edge across the line joins two rim corners. */
    static ObjectMask dumbbell() {
        int w = 120;
        int h = 60;
        byte[] in = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean left = (x - 25) * (x - 25) + (y - 30) * (y - 30) <= 400;
                boolean right = (x - 95) * (x - 95) + (y - 30) * (y - 30) <= 400;
                boolean bar = y == 30 && x > 25 && x < 95;
                in[y * w + x] = (byte) (left || right || bar ? 1 : 0);
            }
        }
        return new ObjectMask(w, h, in);
    }

    /** Two squares meeting only at one corner, with a square hole in the first. */
    static ObjectMask cornerTouchingSquaresWithHole() {
        int w = 80;
        int h = 80;
        byte[] in = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean first = x >= 10 && x < 40 && y >= 10 && y < 40 && !(x >= 20 && x < 30 && y >= 20 && y < 30);
                boolean second = x >= 40 && x < 70 && y >= 40 && y < 70;
                in[y * w + x] = (byte) (first || second ? 1 : 0);
            }
        }
        return new ObjectMask(w, h, in);
    }
}
