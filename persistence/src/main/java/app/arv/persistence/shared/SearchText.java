package app.arv.persistence.shared;

import java.util.Locale;

/**
 * What a person typed into a listing's search box, as a case-insensitive "contains" pattern for JPQL {@code LIKE}:
 * the wildcards {@code %} and {@code _} they typed match themselves (escaped with {@code \}), so a search is never a
 * pattern the caller wrote. Blank means "everything".
 */
public record SearchText(String pattern) {

    /** Searches are typed by people; anything longer is not a search (and would make every LIKE slow). */
    public static final int MAX_LENGTH = 200;

    public static final SearchText EVERYTHING = new SearchText("%");

    public static SearchText of(String typed) {
        if (typed == null || typed.isBlank()) {
            return EVERYTHING;
        }
        String escaped = typed.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return new SearchText("%" + escaped + "%");
    }

    /** Whether it matches every value: a query may leave its condition out (and an index-served search with it). */
    public boolean isEverything() {
        return equals(EVERYTHING);
    }

    /** {@code LOWER(field) LIKE :search ESCAPE '\'}, for a query's WHERE clause. */
    public static String matches(String field) {
        return "LOWER(" + field + ") LIKE :search ESCAPE '\\'";
    }
}
