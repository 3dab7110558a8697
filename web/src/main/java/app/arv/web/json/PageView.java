package app.arv.web.json;

import app.arv.persistence.shared.Page;

import java.util.List;
import java.util.function.Function;

/** A page of a listing as clients see it. */
public record PageView<T>(List<T> items, long total, int limit, int offset) {

    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.total(), page.limit(), page.offset());
    }
}
