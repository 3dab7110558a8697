package app.arv.imaging.mind.quality;

import java.util.Locale;

/** How well the MindAR runtime is expected to find and follow a target. */
public enum Verdict {
    GOOD, WEAK, UNUSABLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
