package app.arv.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A failure and the chain of its causes, the failure first: what the web layer's mappers search to tell what a
 * failure was really about (a body cut off, malformed JSON, a database out of reach) under the wrappers the container
 * put around it. A cause that names itself ends the chain.
 */
public final class Causes {

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The chain's last failure, the one that started it: usually the one whose message names the real problem. */
    public static Throwable root(Throwable failure) {
        return of(failure).reduce((outer, inner) -> inner).orElseThrow();
    }

    /** The failure's own message, or its type's name when it has none to say. */
    public static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** The first failure of the chain that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst();
    }
}
