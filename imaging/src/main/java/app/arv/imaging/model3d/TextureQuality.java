package app.arv.imaging.model3d;

import java.util.Locale;

/** How much of the photo goes into the model: none (flat colour), or a texture whose long side is at most {@link #maxSide()}. */
public enum TextureQuality {
    NONE(0), STANDARD(1024), HD(2048);

    private final int maxSide;

    TextureQuality(int maxSide) {
        this.maxSide = maxSide;
    }

    public int maxSide() {
        return maxSide;
    }

    /** Parses the API's value: "none", "standard" or "hd" (case-insensitive). */
    public static TextureQuality of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("texture must be none, standard or hd, not " + name);
        }
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
