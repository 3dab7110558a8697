package app.arv.persistence.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages ARV speaks — in the console, its mails and notifications, the print kits and the viewer — the one list
 * of them: a person's, an invitation's and a sign-up's {@code locale} column holds one's {@link #tag}, and the first is
 * the fallback for every other language. A new language is added here (with its migration of the CHECKs, templates and
 * texts: the tests of each say which are missing).
 */
public enum Language {
    ENGLISH("en"), RUSSIAN("ru");

    /**
     * The tags as a pattern, for a validation annotation (which takes only a constant); LanguageTest checks that it lists
     * exactly the tags above.
     */
    public static final String TAGS = "en|ru";

    /** The tags as a sentence says them, for a description annotation; checked with {@link #TAGS}. */
    public static final String TAGS_IN_WORDS = "en or ru";

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, as stored and as the API takes it ({@code en}, {@code ru}). */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language of everyone whose language ARV does not speak. */
    public static Language fallback() {
        return values()[0];
    }

    /** Every tag, the fallback's first. */
    public static List<String> tags() {
        return Arrays.stream(values()).map(Language::tag).toList();
    }

    /** The language with exactly this tag (as stored, as the API takes it); empty for any other text and {@code null}. */
    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }

    /** The language stored as {@code tag} (a person's, an invitation's), the fallback when none or another is stored. */
    public static Language storedOrFallback(String tag) {
        return ofTag(tag).orElse(fallback());
    }

    /**
     * The language ARV speaks to a reader of {@code locale}, whatever its region ({@code ru-RU} reads Russian); empty for
     * a language ARV does not speak, for {@link Locale#ROOT} (no language at all) and {@code null}.
     */
    public static Optional<Language> spokenTo(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(l -> l.tag.equals(locale.getLanguage())).findFirst();
    }

    /** The language a reader of {@code locale} gets: theirs if ARV speaks it, else the fallback. */
    public static Language forReader(Locale locale) {
        return spokenTo(locale).orElse(fallback());
    }

    /**
     * The language for someone whose languages are these in order of preference (Accept-Language): the first ARV speaks,
     * else the fallback. A reader of German, then Russian, reads Russian.
     */
    public static Language firstSpokenOf(List<Locale> preferred) {
        return preferred.stream().map(Language::spokenTo).flatMap(Optional::stream).findFirst().orElse(fallback());
    }
}
