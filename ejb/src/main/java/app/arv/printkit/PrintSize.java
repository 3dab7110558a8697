package app.arv.printkit;

import java.util.Locale;
import java.util.Optional;

/** The paper a print kit is laid out for: the trimmed page, portrait orientation, in millimetres. */
public enum PrintSize {
    A6("A6", 105, 148),
    A5("A5", 148, 210),
    A4("A4", 210, 297),
    /** The 10 × 15 cm photo print. */
    CARD_10X15("10x15", 100, 150);

    /** The names a client may ask for, any case (for validating a query parameter). */
    public static final String NAMES = "(?i)A6|A5|A4|10x15";

    private static final double POINTS_PER_MM = 72 / 25.4;

    private final String label;
    private final double widthMm;
    private final double heightMm;

    PrintSize(String label, double widthMm, double heightMm) {
        this.label = label;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public static Optional<PrintSize> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (PrintSize size : values()) {
            if (size.label.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }

    /** As clients write it: {@code A6}, {@code A5}, {@code A4}, {@code 10x15}. */
    public String label() {
        return label;
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    /** PDF user space units (1/72 inch) of a length in millimetres. */
    public static float points(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }
}
