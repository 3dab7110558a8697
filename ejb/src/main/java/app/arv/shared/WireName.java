package app.arv.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum constant's name wherever ARV writes it for others to read — API and webhook payloads, live events, audit
 * details, problem messages: the constant in snake_case, lower-cased in {@link Locale#ROOT} ({@code IN_PROGRESS} is
 * {@code in_progress}), so a server whose default locale is Turkish still writes {@code failed}, not {@code faıled}. The
 * web layer's JSON-B adapter ({@code SnakeCaseEnum}) reads and writes enums by this same rule. Not for names ARV keeps to
 * itself (metrics tags, cache keys, queue names) nor for enums that carry a wire name of their own ({@code
 * notification.OccurrenceType}).
 */
public final class WireName {

    private WireName() {
    }

    /** The constant's wire name, e.g. {@code item_completed}. */
    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose wire name is {@code name}, in any case; empty for anything else (blank, unknown, null). */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> named(c, name)).findFirst();
    }

    /** Whether {@code name} is the wire name of {@code constant}, in any case. */
    public static boolean named(Enum<?> constant, String name) {
        return name != null && of(constant).equals(name.toLowerCase(Locale.ROOT));
    }
}
