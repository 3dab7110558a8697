package app.arv.web.json;

import java.util.List;
import java.util.function.Function;

/**
 * A whole, unpaged list as clients see it: {@code {"items": [...]}}, the envelope a {@link PageView} has without its
 * paging, so that a listing can gain paging later without changing where its items are.
 */
public record ItemsView<T>(List<T> items) {

    public static <E, T> ItemsView<T> of(List<E> list, Function<E, T> view) {
        return new ItemsView<>(list.stream().map(view).toList());
    }
}
