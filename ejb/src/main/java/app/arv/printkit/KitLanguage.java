package app.arv.printkit;

import app.arv.persistence.identity.Language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a print kit's one-line instruction. AR content has no language of its own, so the
 * caller chooses: an explicit {@code ?lang=} first, then the request's {@code Accept-Language} (the
 * console's and any browser's), then English.
 */
public enum KitLanguage {
    EN(Language.ENGLISH, "Scan the QR code, then point your phone at this picture"),
    RU(Language.RUSSIAN,
            "Отсканируйте QR-код и наведите телефон на эту картинку");

    private final Language language;
    private final String instruction;

    KitLanguage(Language language, String instruction) {
        this.language = language;
        this.instruction = instruction;
    }

    /**
     * @param requested  a language tag the client named ({@code ru}, {@code ru-RU}), or null
     * @param acceptable the client's languages in order of preference (Accept-Language)
     */
    public static KitLanguage choose(String requested, List<Locale> acceptable) {
        Optional<Language> named = requested == null ? Optional.empty() : Language.spokenTo(Locale.forLanguageTag(requested.strip()));
        return of(named.orElseGet(() -> Language.firstSpokenOf(acceptable)));
    }

    /** The kit's text in {@code language}: every language ARV speaks has one (the switch lists them all). */
    public static KitLanguage of(Language language) {
        return switch (language) {
            case ENGLISH -> EN;
            case RUSSIAN -> RU;
        };
    }

    /** The BCP 47 tag ({@code Content-Language}). */
    public String tag() {
        return language.tag();
    }

    public String instruction() {
        return instruction;
    }
}
