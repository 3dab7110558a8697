package app.arv.web.audit;

import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.audit.AuditFilter;
import app.arv.shared.DomainException;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The filters of an audit log listing, read at the edge into an {@link AuditFilter}: {@code action} (repeated or
 * comma-separated wire names, in any case), {@code actor} and {@code subject} (ids), {@code from} (inclusive) and {@code to}
 * (exclusive) as ISO-8601 instants. Anything unreadable is a 400 {@code invalid_filter}, never an empty page.
 */
public class AuditQuery {

    /**
     * Instant reads years far past what PostgreSQL can compare against (it refuses +300000 with an error, a 500 for
     * the client); the four-digit years of plain ISO-8601 are more than any audit log needs.
     */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    @QueryParam("action")
    List<String> actions;

    @QueryParam("actor")
    String actor;

    @QueryParam("subject")
    String subject;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    public AuditFilter toFilter() {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw DomainException.invalidFilter("from must be before to");
        }
        return new AuditFilter(actions(), id("actor", actor), id("subject", subject), start, end);
    }

    private Set<AuditAction> actions() {
        Set<AuditAction> named = EnumSet.noneOf(AuditAction.class);
        if (actions == null) {
            return named;
        }
        for (String value : actions) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    named.add(AuditAction.named(name.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> DomainException.invalidFilter(
                            "Unknown action '" + name.strip() + "'; one of " + Arrays.stream(AuditAction.values())
                                    .map(AuditAction::wireName).collect(Collectors.joining(", ")))));
                }
            }
        }
        return named;
    }

    private static UUID id(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidFilter(parameter + " must be an id (UUID)");
        }
    }

    private static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalidFilter(parameter + " must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw DomainException.invalidFilter(parameter + " must lie between the years 1 and 9999");
        }
        return instant;
    }
}
