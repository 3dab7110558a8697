package app.arv.persistence.shared;

import java.util.List;

/** One slice of a longer listing, with the total so clients can page through it. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
}
