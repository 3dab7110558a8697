package app.arv.persistence.shared;

/**
 * Which slice of a listing a caller asked for. The API refuses out-of-range paging at its edge (400, web's {@code Paging});
 * what reaches here from inside ARV (a print kit's pages) is clamped to the same bounds.
 */
public record PageRequest(int limit, int offset) {

    public PageRequest {
        limit = limit <= 0 ? Page.DEFAULT_LIMIT : Math.min(limit, Page.MAX_LIMIT);
        offset = Math.max(offset, 0);
    }

    public static PageRequest first() {
        return new PageRequest(Page.DEFAULT_LIMIT, 0);
    }
}
