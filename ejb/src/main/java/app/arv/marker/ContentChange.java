package app.arv.marker;

import java.util.Set;

/**
 * A change of an AR content (PATCH) with JSON merge patch semantics: a field named in {@code given} takes its value
 * from {@code details}, where {@code null} clears it; a field not named stays as it is.
 */
public record ContentChange(ContentDetails details, Set<Field> given) {

    public ContentChange {
        given = Set.copyOf(given);
    }

    /** The fields of {@link ContentDetails} a change may name. */
    public enum Field {
        TITLE, ORDER_NUMBER, CUSTOMER_NAME, CUSTOMER_EMAIL, CUSTOMER_PHONE, ACTIVE_FROM, ACTIVE_UNTIL, EXPIRES_AT, PUBLISHED
    }

    public boolean names(Field field) {
        return given.contains(field);
    }

    /** {@code changed} if the change names {@code field}, else {@code current}. */
    <T> T value(Field field, T changed, T current) {
        return names(field) ? changed : current;
    }
}
