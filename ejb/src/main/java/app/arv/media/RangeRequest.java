package app.arv.media;

import app.arv.storage.ByteRange;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTTP {@code Range} header (RFC 9110 §14) for one resource of a known size. One range is
 * served; several ranges or an unparsable header are ignored (the whole resource is sent, as the
 * RFC allows), and a range starting past the end is unsatisfiable (416).
 */
public final class RangeRequest {

    private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    public enum Kind {
        WHOLE, PARTIAL, UNSATISFIABLE
    }

    private final Kind kind;
    private final ByteRange range;

    private RangeRequest(Kind kind, ByteRange range) {
        this.kind = kind;
        this.range = range;
    }

    public static RangeRequest parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return new RangeRequest(Kind.WHOLE, null);
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty()) || m.group(1).length() > 18 || m.group(2).length() > 18) {
            return new RangeRequest(Kind.WHOLE, null);
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                return new RangeRequest(Kind.UNSATISFIABLE, null);
            }
            return new RangeRequest(Kind.PARTIAL, new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
            return new RangeRequest(Kind.WHOLE, null);
        }
        if (first >= size) {
            return new RangeRequest(Kind.UNSATISFIABLE, null);
        }
        return new RangeRequest(Kind.PARTIAL, new ByteRange(first, last));
    }

    public Kind kind() {
        return kind;
    }

    public Optional<ByteRange> range() {
        return Optional.ofNullable(range);
    }
}
