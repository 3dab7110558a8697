package app.arv.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks an operator's setting at startup, naming it as the operator wrote it ({@code ARV_...}): a value that cannot
 * work stops the deployment with that name, rather than surfacing later as a stack with none — or not at all, as an
 * interval of zero does (a container's interval timer of 0 fires once, then never again).
 */
public final class Setting {

    private Setting() {
    }

    /**
     * @return {@code value}, when it is at least a millisecond (the timers' resolution)
     * @throws IllegalStateException naming {@code name} otherwise
     */
    public static Duration positive(String name, Duration value) {
        if (value.toMillis() < 1) {
            throw new IllegalStateException(name + " must be a positive duration such as PT5S, got " + value);
        }
        return value;
    }

    /**
     * A period an operator may switch off — a retention ({@code PT0S}: kept for ever), a grace ({@code PT0S}: none):
     * the one rule for all of them, so zero and negative values mean the same everywhere.
     *
     * @return {@code value}, or empty when it is zero or negative
     */
    public static Optional<Duration> unlessZero(Duration value) {
        return value.isZero() || value.isNegative() ? Optional.empty() : Optional.of(value);
    }

    /**
     * @return {@code value}, when it is at least 1
     * @throws IllegalStateException naming {@code name} otherwise
     */
    public static long atLeastOne(String name, long value) {
        if (value < 1) {
            throw new IllegalStateException(name + " must be at least 1, got " + value);
        }
        return value;
    }
}
