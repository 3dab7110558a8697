package app.arv.printkit;

import java.util.List;
import java.util.Locale;

/**
 * The language of a print kit's one-line instruction. AR content has no language of its own, so the
 * caller chooses: an explicit {@code ?lang=} first, then the request's {@code Accept-Language} (the
 * console's and any browser's), then English.
 */
public enum KitLanguage {
    EN("en", "Scan the QR code, then point your phone at this picture"), RU("ru", "Отсканируйте QR-код и наведите телефон на эту картинку");

    private final String tag;
    private final String instruction;

    KitLanguage(String tag, String instruction) {
        this.tag = tag;
        this.instruction = instruction;
    }

    /**
     * @param requested  a language tag the client named ({@code ru}, {@code ru-RU}), or null
     * @param acceptable the client's languages in order of preference (Accept-Language)
     */
    public static KitLanguage choose(String requested, List<Locale> acceptable) {
        if (requested != null) {
            for (KitLanguage language : values()) {
                if (language.matches(Locale.forLanguageTag(requested.strip()))) {
                    return language;
                }
            }
        }
        for (Locale locale : acceptable) {
            for (KitLanguage language : values()) {
                if (language.matches(locale)) {
                    return language;
                }
            }
        }
        return EN;
    }

    /** The BCP 47 tag ({@code Content-Language}). */
    public String tag() {
        return tag;
    }

    public String instruction() {
        return instruction;
    }

    private boolean matches(Locale locale) {
        return tag.equals(locale.getLanguage());
    }
}
