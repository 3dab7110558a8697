package app.arv.imaging.model3d;

import app.arv.imaging.TestImages;

/** The sample photos under src/test/resources/images the generator is tested on. */
final class SampleImages {

    /** Object photos and scenes the generator must turn into valid models (file names under images/). */
    static final String[] MODELLED = {"horse.png", "horse-cutout.png", "coins.png", "coffee.png", "camera.png",
            "chelsea.png", "rocket.jpg"};

    private SampleImages() {
    }

    static byte[] bytes(String file) {
        return TestImages.bytes("images/" + file);
    }
}
