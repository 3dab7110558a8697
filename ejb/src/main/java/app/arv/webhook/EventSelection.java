package app.arv.webhook;

import app.arv.notification.OccurrenceType;
import app.arv.shared.DomainException;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which occurrences a webhook gets: every type ({@code ["*"]}, new types included as ARV adds them) or the listed
 * ones. {@code test} is no choice: a test event is sent on request, to one webhook, whatever it subscribes to.
 */
public record EventSelection(boolean all, Set<OccurrenceType> types) {

    public static final String ALL = "*";

    public static EventSelection everything() {
        return new EventSelection(true, Set.of());
    }

    /**
     * @throws DomainException {@code invalid_events} (422) for an empty list, an unknown name or {@code test}
     */
    public static EventSelection parse(List<String> wireNames) {
        if (wireNames == null || wireNames.isEmpty()) {
            throw DomainException.invalid("invalid_events", "events must name at least one event type, or be [\"*\"] for all");
        }
        if (wireNames.stream().anyMatch(ALL::equals)) {
            return everything();
        }
        Set<OccurrenceType> types = new LinkedHashSet<>();
        for (String name : wireNames) {
            OccurrenceType type = OccurrenceType.fromWireName(name).filter(t -> t != OccurrenceType.TEST)
                    .orElseThrow(() -> DomainException.invalid("invalid_events", "'" + name + "' is not an event type a webhook can subscribe to; "
                            + "the types are " + subscribable()));
            types.add(type);
        }
        return new EventSelection(false, types);
    }

    public Set<String> wireNames() {
        return types.stream().map(OccurrenceType::wireName).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The names a webhook may subscribe to, comma-separated. */
    public static String subscribable() {
        return Arrays.stream(OccurrenceType.values()).filter(t -> t != OccurrenceType.TEST)
                .map(OccurrenceType::wireName).collect(Collectors.joining(", "));
    }
}
