package app.arv.persistence.shared;

/** Which slice of a listing a caller asked for; out-of-range values are clamped, not refused. */
public record PageRequest(int limit, int offset) {

    public PageRequest {
        limit = limit <= 0 ? Page.DEFAULT_LIMIT : Math.min(limit, Page.MAX_LIMIT);
        offset = Math.max(offset, 0);
    }

    public static PageRequest first() {
        return new PageRequest(Page.DEFAULT_LIMIT, 0);
    }
}
