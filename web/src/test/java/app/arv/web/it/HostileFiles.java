package app.arv.web.it;

import java.util.Arrays;
import java.util.Random;

/** Files an attacker (or an unlucky client) sends, made from real images or by the book of their format. */
final class HostileFiles {

    private HostileFiles() {
    }

    static byte[] truncatedJpeg() {
        byte[] jpeg = MediaApi.image("rocket.jpg");
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    /** A real JPEG padded with random bytes after its end to the given size: valid image, too big a file. */
    static byte[] jpegOfSize(int size) {
        byte[] jpeg = MediaApi.image("rocket.jpg");
        byte[] out = Arrays.copyOf(jpeg, size);
        byte[] padding = new byte[size - jpeg.length];
        new Random(size).nextBytes(padding);
        System.arraycopy(padding, 0, out, jpeg.length, padding.length);
        return out;
    }
}
