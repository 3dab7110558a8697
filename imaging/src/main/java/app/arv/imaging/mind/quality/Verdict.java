package app.arv.imaging.mind.quality;

/** How well the MindAR runtime is expected to find and follow a target. */
public enum Verdict {
    GOOD, WEAK, UNUSABLE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
