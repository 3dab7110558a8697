package app.arv.web.json;

import app.arv.shared.DomainException;

/**
 * A yes/no query parameter ({@code ?force=}, {@code ?unread=}, {@code ?redirect=}...), read strictly: {@code true} or
 * {@code false}, anything else a 400 {@code invalid_filter}. Declared as a {@code boolean}, JAX-RS would read it with
 * {@link Boolean#valueOf(String)}, so {@code ?unread=yes} quietly meant "no".
 */
public final class Flag {

    private Flag() {
    }

    /** {@code value} read as a flag; absent (or empty, as in {@code ?force}) is {@code false}. */
    public static boolean of(String name, String value) {
        Boolean given = optional(name, value);
        return given != null && given;
    }

    /** {@code value} read as a flag; absent (or empty) is {@code null}, for a parameter whose default is decided elsewhere. */
    public static Boolean optional(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw DomainException.invalidFilter(name + " must be true or false");
        };
    }
}
