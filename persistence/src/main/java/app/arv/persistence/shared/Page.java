package app.arv.persistence.shared;

import jakarta.persistence.TypedQuery;

import java.util.List;

/** One slice of a longer listing, with the total so clients can page through it. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The requested slice of what {@code items} selects, with the total that {@code count} counts. */
    public static <T> Page<T> of(TypedQuery<T> items, TypedQuery<Long> count, PageRequest page) {
        List<T> slice = items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return new Page<>(slice, count.getSingleResult(), page.limit(), page.offset());
    }
}
