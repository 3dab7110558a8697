package app.arv.imaging.input;

import app.arv.imaging.raster.GreyImage;
import app.arv.imaging.raster.RgbaImage;

/** Rotates/mirrors an image from its stored orientation (EXIF 1..8) to the displayed one. */
final class ExifTransform {

    private ExifTransform() {
    }

    static GreyImage apply(GreyImage in, int orientation) {
        if (!transforms(orientation)) {
            return in;
        }
        int[] order = uprightOrder(orientation, in.width(), in.height());
        byte[] out = new byte[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = in.pixels()[order[i]];
        }
        return swapsSides(orientation) ? new GreyImage(in.height(), in.width(), out) : new GreyImage(in.width(), in.height(), out);
    }

    static RgbaImage apply(RgbaImage in, int orientation) {
        if (!transforms(orientation)) {
            return in;
        }
        int[] order = uprightOrder(orientation, in.width(), in.height());
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = in.argb()[order[i]];
        }
        return swapsSides(orientation) ? new RgbaImage(in.height(), in.width(), out) : new RgbaImage(in.width(), in.height(), out);
    }

    private static boolean transforms(int orientation) {
        return orientation > 1 && orientation <= 8;
    }

    private static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /** For each pixel of the upright image, row by row, the index of the stored pixel it shows. */
    private static int[] uprightOrder(int orientation, int w, int h) {
        int ow = swapsSides(orientation) ? h : w;
        int oh = swapsSides(orientation) ? w : h;
        int[] order = new int[w * h];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> {
                        sx = w - 1 - x;
                        sy = y;
                    }
                    case 3 -> {
                        sx = w - 1 - x;
                        sy = h - 1 - y;
                    }
                    case 4 -> {
                        sx = x;
                        sy = h - 1 - y;
                    }
                    case 5 -> {
                        sx = y;
                        sy = x;
                    }
                    case 6 -> {
                        sx = y;
                        sy = h - 1 - x;
                    }
                    case 7 -> {
                        sx = w - 1 - y;
                        sy = h - 1 - x;
                    }
                    default -> {
                        sx = w - 1 - y;
                        sy = x;
                    } // 8
                }
                order[y * ow + x] = sy * w + sx;
            }
        }
        return order;
    }
}
