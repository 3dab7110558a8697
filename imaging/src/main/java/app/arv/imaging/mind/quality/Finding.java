package app.arv.imaging.mind.quality;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing the quality assessment found wrong with a target, with its fix: a {@link Kind} and the figures it quotes,
 * so that a reader in another language can say it in theirs (the console does); {@link #english()} says it in English.
 *
 * @param values the quoted figures by name, in the order the English text quotes them
 */
public record Finding(Kind kind, Map<String, Long> values) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** What was found; its English text names the figures as {@code {name}}. */
    public enum Kind {
        NO_FEATURES("no usable features: the image is flat or blank; use a photo with visible detail and edges"),
        LOW_CONTRAST("low contrast (grey levels spread {contrast}, 40 or more works well): raise contrast (brighter highlights,"
                + " deeper shadows) or print the suggested enhanced version"),
        LARGE_FLAT_AREAS("large flat areas ({flat_percent} % of the image is plain, detail covers {coverage_percent} % of it):"
                + " avoid large flat areas; crop plain margins or sky away, or choose a photo with detail all over"),
        LITTLE_DETAIL("little sharp detail ({features_per_scale} features per scale, 100 or more works well): use a sharper"
                + " original (in focus, no motion blur, not enlarged)"),
        REPETITIVE_PATTERN("repetitive pattern ({duplicate_percent} % of the features have a near-identical twin): add or crop"
                + " to distinctive content (a face, a logo, an object) instead of brick, grass, text or tiles"),
        NO_TRACKING_POINTS("no trackable points at the 128 px tracking size: raise contrast and use a photo with bold detail"),
        SMALL_ORIGINAL("small original ({width}x{height}): use a larger original, at least {recommended_side} px on the short side"),
        PRINT_LARGE("the camera must see it large: print at least {print_width_cm} cm wide for viewing from {distance_cm} cm"
                + " ({print_width_at_1m_cm} cm from 1 m)");

        private final String english;

        Kind(String english) {
            this.english = english;
        }

        /** The name a report gives it: {@code low_contrast}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Finding of(Kind kind) {
        return new Finding(kind, Map.of());
    }

    /** @param namesAndValues name, value, name, value, ... in the order the text quotes them */
    public static Finding of(Kind kind, Object... namesAndValues) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).longValue());
        }
        return new Finding(kind, values);
    }

    public String english() {
        Matcher placeholder = PLACEHOLDER.matcher(kind.english);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            Long value = values.get(placeholder.group(1));
            placeholder.appendReplacement(text, value == null ? placeholder.group() : String.valueOf(value));
        }
        return placeholder.appendTail(text).toString();
    }
}
